/*
 * png.c - the SVG picture as PNG, where a renderer is available.
 *
 * Rasterising SVG well (text, antialiasing) is a library's job, not ours:
 * the PNG is the SVG exporter's output rendered by `rsvg-convert` (Debian
 * package librsvg2-bin).  Linking librsvg would pull cairo, pango and glib
 * into every build for one optional format, so it is run as a program and
 * only when asked for.  Without it, `--format png` fails with a message
 * saying what to install, and nothing is written.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

int ng_export_png(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir) tmpdir = "/tmp";
    char *svg = ng_xmalloc(strlen(tmpdir) + 32);
    sprintf(svg, "%s/newsgraph-XXXXXX", tmpdir);
    int fd = mkstemp(svg);
    if (fd < 0) {
        ng_error("png: cannot create a temporary file in %s: %s", tmpdir, strerror(errno));
        free(svg);
        return -1;
    }
    FILE *sf = fdopen(fd, "w");
    int rc = -1;
    if (!sf) {
        close(fd);
        goto out;
    }
    if (ng_export_svg(g, sf, o) < 0) {
        fclose(sf);
        goto out;
    }
    if (fclose(sf) != 0) {
        ng_error("png: cannot write the temporary SVG: %s", strerror(errno));
        goto out;
    }
    if (fileno(fp) < 0) {
        ng_error("png: can only be written to a file (the renderer writes to its descriptor)");
        goto out;
    }
    if (fflush(fp) != 0) {
        ng_error("png: %s", strerror(errno));
        goto out;
    }
    pid_t pid = fork();
    if (pid < 0) {
        ng_error("png: cannot start rsvg-convert: %s", strerror(errno));
        goto out;
    }
    if (pid == 0) {
        /* child: the PNG goes straight into the output's temporary file */
        if (dup2(fileno(fp), STDOUT_FILENO) < 0) _exit(126);
        execlp("rsvg-convert", "rsvg-convert", "--format", "png", "--width", "1200", "--background-color",
               "white", svg, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        ng_error("png: rsvg-convert not found (install Debian's librsvg2-bin), or use --format svg");
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ng_error("png: rsvg-convert failed (status %d)", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    } else {
        /* the child wrote through the same descriptor: move our stream's
         * idea of the position to the end so nothing is overwritten */
        fseek(fp, 0, SEEK_END);
        rc = 0;
    }
out:
    unlink(svg);
    free(svg);
    return rc;
}
