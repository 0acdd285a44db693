#ifndef REVIEWBOT_CLIBGIT2_SHIM_H
#define REVIEWBOT_CLIBGIT2_SHIM_H

#include <git2.h>

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

#endif
