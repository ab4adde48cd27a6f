/*
 * fsutil.h - file-system helpers shared by the commands: atomic writes.
 */
#ifndef NORMLINT_FSUTIL_H
#define NORMLINT_FSUTIL_H

#include <stddef.h>

/*
 * Replace `path` with `data` atomically: write a temporary file in the
 * same folder, fsync it, give it `mode` (or the existing file's mode when
 * mode is -1; 0644 for a new file), then rename it over `path`. When
 * `path` is a symbolic link, the file it points to is replaced and the
 * link stays. On any failure the original is untouched and an errno-style
 * code is returned.
 */
int write_file_atomic(const char *path, const char *data, size_t len, int mode);

#endif
