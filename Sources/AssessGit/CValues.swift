import Clibgit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Copying C values into Swift ones, and the few file-system facts the git code needs.

/// The 40 hexadecimal digits of an object id.
func hexString(_ oid: UnsafePointer<git_oid>) -> String {
    var buffer = [CChar](repeating: 0, count: 41)  // GIT_OID_HEXSZ (40, SHA-1) and a NUL
    _ = git_oid_fmt(&buffer, oid)  // fails only on NULL arguments
    return String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Whether two object ids are the same.
func sameID(_ first: git_oid, _ second: git_oid) -> Bool {
    withUnsafePointer(to: first) { first in withUnsafePointer(to: second) { git_oid_equal(first, $0) != 0 } }
}

/// A borrowed C string copied into Swift, or nil.
func copiedString(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
}

/// A C string as a String when it is valid UTF-8; nil otherwise (decoding would change it,
/// and libgit2 would be handed another path).
func exactString(_ pointer: UnsafePointer<CChar>) -> String? {
    String(validatingCString: pointer)
}

/// Runs `body` with `strings` as a `git_strarray` that lives for the call only.
func withStringArray<Result>(_ strings: [String], _ body: (inout git_strarray) -> Result) -> Result {
    var copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return copies.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return body(&array)
    }
}

/// Whether something (a file, folder or symbolic link, even a dangling one) exists at `path`.
func pathExists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}

/// Whether `path` is a symbolic link.
func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
}

/// Whether `path` is a folder (not following a final symbolic link).
func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}
