"""Changes one assessment a little, so each commit benchmark run has something to commit."""
import sys
import time

path = sys.argv[1]
text = open(path, encoding="utf-8").read()
marker = '"editorNote": "'
index = text.index(marker) + len(marker)
open(path, "w", encoding="utf-8").write(text[:index] + f"{time.time_ns()} " + text[index:])
