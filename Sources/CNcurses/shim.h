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
#include <termios.h>
#include <unistd.h>
#include <string.h>
#include <stdlib.h>

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

// The crash guard. Should the console ever fail (a trap in Swift arrives as SIGILL or
// SIGTRAP, a bad access as SIGSEGV or SIGBUS, an abort as SIGABRT) or exit while ncurses
// holds the terminal, the terminal is put back first: the bytes that leave full-screen mode
// (saved while ncurses was known to be sound) and the tty settings from before ncurses.
// Only async-signal-safe calls (write, tcsetattr, sigaction, raise) run in the handler.
// Then one sentence, and the signal is raised again with its default action.
struct tb_crash_state {
    volatile sig_atomic_t armed;
    int tty;
    int output;
    int have_termios;
    struct termios saved;
    char restore[512];
    int restore_length;
};

static inline struct tb_crash_state *tb_crash(void) {
    static struct tb_crash_state state;
    return &state;
}

static inline int tb_crash_signal_number(int index) {
    static const int signals[6] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    return signals[index];
}

static inline void tb_crash_restore_terminal(void) {
    struct tb_crash_state *s = tb_crash();
    if (!s->armed) return;
    s->armed = 0;
    if (s->restore_length > 0) {
        ssize_t ignored = write(s->output, s->restore, (size_t)s->restore_length);
        (void)ignored;
    }
    if (s->have_termios) tcsetattr(s->tty, TCSANOW, &s->saved);
}

static inline void tb_crash_handler(int signo) {
    int was_armed = tb_crash()->armed;
    tb_crash_restore_terminal();
    if (was_armed) {
        static const char sentence[] =
            "\r\nThe console stopped on an internal error; the terminal has been restored and everything saved before it is kept.\n";
        ssize_t ignored = write(2, sentence, sizeof sentence - 1);
        (void)ignored;
    }
    signal(signo, SIG_DFL);
    raise(signo);
}

static inline void tb_crash_at_exit(void) { tb_crash_restore_terminal(); }

/// Before newterm: remembers the tty's own settings and installs the handlers once.
static inline void tb_crash_guard_prepare(int tty, int output) {
    static int installed = 0;
    struct tb_crash_state *s = tb_crash();
    s->armed = 0;
    s->tty = tty;
    s->output = output;
    s->have_termios = tcgetattr(tty, &s->saved) == 0;
    if (installed) return;
    installed = 1;
    atexit(tb_crash_at_exit);
    for (int i = 0; i < 6; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        sigemptyset(&action.sa_mask);
        action.sa_handler = tb_crash_handler;
        sigaction(tb_crash_signal_number(i), &action, NULL);
    }
}

static inline void tb_crash_append(const char *capability) {
    struct tb_crash_state *s = tb_crash();
    const char *value = tb_tigetstr(capability);
    if (value == NULL) return;
    size_t length = strlen(value);
    if (s->restore_length + (int)length >= (int)sizeof s->restore) return;
    memcpy(s->restore + s->restore_length, value, length);
    s->restore_length += (int)length;
}

/// After newterm: the bytes that undo full-screen mode on this terminal, then armed.
static inline void tb_crash_guard_arm(void) {
    struct tb_crash_state *s = tb_crash();
    s->restore_length = 0;
    tb_crash_append("sgr0");
    tb_crash_append("cnorm");
    tb_crash_append("rmkx");
    tb_crash_append("rmcup");
    s->armed = 1;
}

/// After endwin: a clean shutdown leaves nothing to restore.
static inline void tb_crash_guard_disarm(void) { tb_crash()->armed = 0; }

#endif
