#ifndef TIMEBANK_CNCURSES_SHIM_H
#define TIMEBANK_CNCURSES_SHIM_H

// The wide-character API (get_wch, setcchar, cchar_t) is only declared when this
// is set before the first include.
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <term.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#ifdef __APPLE__
#include <util.h>
#else
#include <pty.h>
#endif
#include <sys/ioctl.h>
#include <poll.h>
#include <wchar.h>

// Swift cannot import function-like macros, and Swift 6 rejects the library's
// mutable globals (stdscr, COLORS, LINES...) as shared mutable state. These
// wrappers are the only way the Swift side reaches them; they are all called on
// the one thread that owns ncurses.

static inline WINDOW *tb_stdscr(void) { return stdscr; }
static inline FILE *tb_stdin(void) { return stdin; }
static inline FILE *tb_stdout(void) { return stdout; }
static inline int tb_colors(void) { return COLORS; }
static inline int tb_color_pairs(void) { return COLOR_PAIRS; }
static inline int tb_lines(void) { return LINES; }
static inline int tb_cols(void) { return COLS; }

static inline attr_t tb_a_normal(void) { return A_NORMAL; }
static inline attr_t tb_a_bold(void) { return A_BOLD; }
static inline attr_t tb_a_reverse(void) { return A_REVERSE; }
static inline attr_t tb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tb_a_dim(void) { return A_DIM; }

static inline int tb_max_y(WINDOW *w) { return getmaxy(w); }
static inline int tb_max_x(WINDOW *w) { return getmaxx(w); }

// glibc declares wcwidth only under _XOPEN_SOURCE, which would change far more
// than this one declaration.
extern int wcwidth(wchar_t c);
static inline int tb_wcwidth(wchar_t c) { return wcwidth(c); }

static inline int tb_key_f0(void) { return KEY_F0; }
static inline int tb_ccharw_max(void) { return CCHARW_MAX; }

// tigetstr reports "absent" and "not a string capability" with sentinel
// pointers, which Swift cannot compare against a macro; this folds both into NULL.
static inline const char *tb_tigetstr(const char *cap) {
    char *s = tigetstr(cap);
    if (s == NULL || s == (char *)-1) return NULL;
    return s;
}

// Hang-up signals only set a flag: ncurses is not async-signal-safe, so the
// terminal is restored by the main loop (through endwin) once it sees the flag.
// The state lives in function-local statics; only NcursesTerminal calls these,
// so there is exactly one copy of it in the program.
static inline volatile sig_atomic_t *tb_hangup_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

static inline void tb_hangup_handler(int signo) {
    *tb_hangup_flag() = signo;
}

static inline struct sigaction *tb_saved_actions(void) {
    static struct sigaction saved[3];
    return saved;
}

static inline int tb_hangup_signal_number(int index) {
    static const int signals[3] = { SIGHUP, SIGTERM, SIGINT };
    return signals[index];
}

// Installed before newterm, because ncurses only installs its own SIGINT and
// SIGTERM handlers (which exit the process) where the disposition is default.
// No SA_RESTART: a blocked read returns early so the flag is noticed promptly.
static inline void tb_install_hangup_handlers(void) {
    *tb_hangup_flag() = 0;
    for (int i = 0; i < 3; i++) {
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        action.sa_handler = tb_hangup_handler;
        sigaction(tb_hangup_signal_number(i), &action, &tb_saved_actions()[i]);
    }
}

static inline void tb_restore_hangup_handlers(void) {
    for (int i = 0; i < 3; i++) {
        sigaction(tb_hangup_signal_number(i), &tb_saved_actions()[i], NULL);
    }
}

/// The signal that asked us to stop, or 0.
static inline int tb_hangup_signal(void) { return (int)*tb_hangup_flag(); }

// Pseudo-terminals for tests and byte measurements. ioctl is variadic, which
// Swift cannot call, hence these wrappers.
static inline int tb_openpty(int *master, int *slave, int rows, int cols) {
    struct winsize size = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
    return openpty(master, slave, NULL, NULL, &size);
}

static inline int tb_set_window_size(int fd, int rows, int cols) {
    struct winsize size = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
    return ioctl(fd, TIOCSWINSZ, &size);
}

#endif
