/*
 * outfile.h - atomic, durable output files.
 *
 * Every output is written to a temporary file next to its target
 * (".NAME.tmp.XXXXXX" in the same directory, so rename() cannot cross a
 * file system) and renamed over the target only after all data is flushed
 * and fsync()ed.  Readers therefore see either the old file or the complete
 * new one, never a truncated mix.
 *
 * If the process is killed between open and commit, the only trace is the
 * ".NAME.tmp.XXXXXX" file; the target is untouched.  ng_outfile_open()
 * deliberately does not remove stale temp files: one may belong to another
 * newsgraph process writing into the same directory right now.
 *
 * Errors are printed as "newsgraph: error: PATH: cannot write: <reason>"
 * naming the target (the user never asked for the temp name).
 */
#ifndef NG_OUTFILE_H
#define NG_OUTFILE_H

#include <stdio.h>

typedef struct ng_outfile {
    char *path;  /* target path (owned) */
    char *tmp;   /* temp file path (owned); NULL when writing to stdout */
    FILE *fp;    /* write here between open and commit/abort */
} ng_outfile;

/* Create the temp file for path ("-" means stdout: no temp file, commit
 * only flushes).  The file gets mode 0666 & ~umask, like a file created by
 * fopen (mkstemp alone would give 0600).  Returns 0, or -1 after printing
 * an error; on error *f holds nothing to free. */
int ng_outfile_open(ng_outfile *f, const char *path);

/* fflush + fsync + fclose (each checked: a full disk often shows up only in
 * fflush or fclose), rename over the target, fsync the directory so the
 * rename itself survives a crash.  Returns 0, or -1 after printing an error
 * and removing the temp file; the previous target content is then intact
 * (unless only the final directory fsync failed: the new file is in place
 * but may not survive a power loss).  Frees *f either way. */
int ng_outfile_commit(ng_outfile *f);

/* Close and remove the temp file, leaving the target as it was.  Safe to
 * call on a zeroed or already committed/aborted ng_outfile. */
void ng_outfile_abort(ng_outfile *f);

/* mkdir -p dir (mode 0777 & ~umask), then prove it is writable by creating
 * and removing a temp file in it (access() would lie for root, on read-only
 * mounts and with ACLs).  Returns 0, or -1 after printing an error naming
 * the directory (or the path component that exists but is not one). */
int ng_ensure_dir(const char *dir);

#endif
