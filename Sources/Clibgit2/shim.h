#ifndef CLIBGIT2_SHIM_H
#define CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>

/// `git_libgit2_opts` is variadic, which Swift cannot call: one wrapper per option used.
/// Whether creating a tree or commit first checks that every object it names exists
/// (libgit2's default; git itself does not check).
static inline int assess_git_set_strict_object_creation(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled);
}

/// The largest object of `type` libgit2 keeps parsed in its object cache (4 KiB for trees by
/// default, so a folder of thousands of files is read and parsed again on every use).
static inline int assess_git_set_cache_object_limit(git_object_t type, size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}
#endif
