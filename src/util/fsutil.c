/*
 * fsutil.c - atomic file replacement.
 */
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static int replace_file(const char *path, const char *data, size_t len, int mode);

int write_file_atomic(const char *path, const char *data, size_t len, int mode)
{
    /* Through a symbolic link, replace the file it points to and keep the link. */
    char *target = realpath(path, NULL);
    int rc = replace_file(target ? target : path, data, len, mode);
    free(target);
    return rc;
}

static int replace_file(const char *path, const char *data, size_t len, int mode)
{
    struct stat st;
    if (mode < 0)
        mode = stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : 0644;
    buf_t tmp;
    buf_init(&tmp);
    buf_printf(&tmp, "%s.normlint-XXXXXX", path);
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        int e = errno;
        buf_free(&tmp);
        return e;
    }
    int rc = write_all(fd, data, len);
    if (rc == 0 && fchmod(fd, (mode_t)mode) != 0)
        rc = errno;
    if (rc == 0 && fsync(fd) != 0)
        rc = errno;
    if (close(fd) != 0 && rc == 0)
        rc = errno;
    if (rc == 0 && rename(tmp.data, path) != 0)
        rc = errno;
    if (rc != 0)
        unlink(tmp.data);
    buf_free(&tmp);
    return rc;
}
