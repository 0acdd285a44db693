#ifndef REVIEWBOT_CLIBGIT2_SHIM_H
#define REVIEWBOT_CLIBGIT2_SHIM_H

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

/// Option-struct initialisers are macros in libgit2; these give Swift a typed function for each.
static inline git_diff_options CLibGit2_diff_options_init(void) {
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    return options;
}

static inline git_diff_find_options CLibGit2_diff_find_options_init(void) {
    git_diff_find_options options = GIT_DIFF_FIND_OPTIONS_INIT;
    return options;
}

static inline git_repository_init_options CLibGit2_repository_init_options_init(void) {
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    return options;
}

/// An object-database backend with a pointer for its owner (`parent` first, so a `git_odb_backend *`
/// libgit2 hands back can be read as this struct).
typedef struct {
    git_odb_backend parent;
    void *payload;
} CLibGit2_guard_backend;

/// `inflateInit` is a macro in zlib (the zlib libgit2 links).
static inline int CLibGit2_inflate_init(z_stream *stream) {
    return inflateInit(stream);
}

#endif
