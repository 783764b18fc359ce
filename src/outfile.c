/* outfile.c - temp file + fsync + rename, and mkdir -p with a write probe. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "ng.h"

/* Split path into its directory ("." when there is none) and base name. */
static void split_path(const char *path, char **dir, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        *dir = ng_xstrdup(".");
        *base = path;
    } else if (slash == path) {
        *dir = ng_xstrdup("/");
        *base = slash + 1;
    } else {
        *dir = ng_xstrndup(path, (size_t)(slash - path));
        *base = slash + 1;
    }
}

/* Files we create should look like fopen()'s: 0666 minus the umask.  The
 * umask can only be read by setting it; newsgraph is single-threaded, so
 * the brief window with umask 0 is harmless (nothing else creates files). */
static mode_t file_mode(void)
{
    mode_t m = umask(0);
    umask(m);
    return (mode_t)(0666 & ~m);
}

static int fail(const char *path, int err)
{
    ng_error("%s: cannot write: %s", path, strerror(err));
    return -1;
}

static void clear(ng_outfile *f)
{
    free(f->path);
    free(f->tmp);
    f->path = f->tmp = NULL;
    f->fp = NULL;
}

int ng_outfile_open(ng_outfile *f, const char *path)
{
    f->path = f->tmp = NULL;
    f->fp = NULL;
    if (strcmp(path, "-") == 0) {
        f->path = ng_xstrdup(path);
        f->fp = stdout;
        return 0;
    }
    char *dir;
    const char *base;
    split_path(path, &dir, &base);
    if (!*base) {
        free(dir);
        return fail(path, EISDIR);
    }
    ng_buf b;
    ng_buf_init(&b);
    /* Leading dot: hidden from ls and from globs like *.ttl that a user may
     * run over the output directory while we write. */
    ng_buf_printf(&b, "%s%s.%s.tmp.XXXXXX", dir, strcmp(dir, "/") == 0 ? "" : "/", base);
    free(dir);
    char *tmp = ng_buf_steal(&b);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return fail(path, e);
    }
    /* Not inherited by children (the CLI may run a viewer). */
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (fchmod(fd, file_mode()) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return fail(path, e);
    }
    FILE *fp = fdopen(fd, "w");
    if (!fp) {
        int e = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return fail(path, e);
    }
    f->path = ng_xstrdup(path);
    f->tmp = tmp;
    f->fp = fp;
    return 0;
}

/* fsync the directory holding path so a completed rename is durable.  Some
 * file systems cannot fsync a directory (EINVAL): nothing more can be done
 * there, so that is not an error. */
static int sync_dir(const char *path)
{
    char *dir;
    const char *base;
    split_path(path, &dir, &base);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0) return errno;
    int err = 0;
    if (fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP) err = errno;
    close(fd);
    return err;
}

int ng_outfile_commit(ng_outfile *f)
{
    if (!f->fp) {
        /* open failed or already finished: the error was reported then */
        clear(f);
        return -1;
    }
    if (!f->tmp) {
        /* stdout: flush and check, but never close or fsync a terminal/pipe */
        int err = 0;
        if (fflush(f->fp) != 0 || ferror(f->fp)) err = errno ? errno : EIO;
        int rc = err ? fail(f->path, err) : 0;
        clear(f);
        return rc;
    }
    int err = 0;
    errno = 0;
    /* ferror catches a failed write from earlier fputs/fprintf calls that
     * the exporter did not check; fflush surfaces buffered ENOSPC/EFBIG. */
    if (fflush(f->fp) != 0 || ferror(f->fp)) err = errno ? errno : EIO;
    if (!err && fsync(fileno(f->fp)) != 0 && errno != EINVAL) err = errno;
    /* fclose must happen even after an error (it frees the FILE); its own
     * failure matters only if nothing failed before (NFS reports here). */
    if (fclose(f->fp) != 0 && !err) err = errno ? errno : EIO;
    f->fp = NULL;
    if (!err && rename(f->tmp, f->path) != 0) err = errno;
    if (err) {
        unlink(f->tmp);
        int rc = fail(f->path, err);
        clear(f);
        return rc;
    }
    int rc = 0;
    err = sync_dir(f->path);
    if (err) rc = fail(f->path, err);
    clear(f);
    return rc;
}

void ng_outfile_abort(ng_outfile *f)
{
    if (f->fp && f->tmp) {
        fclose(f->fp);
        unlink(f->tmp);
    } else if (f->fp) {
        fflush(f->fp); /* stdout: what was written is out already */
    }
    clear(f);
}

/* Create one directory level; fine if it already is a directory. */
static int make_one(const char *shown, const char *path)
{
    if (mkdir(path, 0777) == 0) return 0;
    int e = errno;
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) return 0;
        if (strcmp(shown, path) == 0)
            ng_error("%s: cannot create directory: exists and is not a directory", shown);
        else
            ng_error("%s: cannot create directory: %s exists and is not a directory", shown,
                     path);
        return -1;
    }
    ng_error("%s: cannot create directory: %s", shown, strerror(e));
    return -1;
}

int ng_ensure_dir(const char *dir)
{
    if (!*dir) dir = ".";
    char *p = ng_xstrdup(dir);
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/') p[--n] = '\0';
    /* Walk the components left to right ("a", "a/b", "a/b/c") so the
     * message can name the exact component that is a file. */
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        int rc = make_one(dir, p);
        *s = '/';
        if (rc) {
            free(p);
            return -1;
        }
    }
    if (make_one(dir, p)) {
        free(p);
        return -1;
    }
    /* Probe writability by doing what we will do later. */
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_printf(&b, "%s/.newsgraph-probe.tmp.XXXXXX", p);
    free(p);
    char *probe = ng_buf_steal(&b);
    int fd = mkstemp(probe);
    if (fd < 0) {
        ng_error("%s: cannot write: %s", dir, strerror(errno));
        free(probe);
        return -1;
    }
    close(fd);
    unlink(probe);
    free(probe);
    return 0;
}
