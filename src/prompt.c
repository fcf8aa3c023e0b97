/*
 * prompt.c - the interactive session at a helpline worker's terminal:
 * country, language, the results exactly as a scripted lookup shows them,
 * then short commands.  Part of the UI layer: it prints, but it decides
 * nothing about ranking (match) or layout (render).
 *
 * It must never write a file: history lives in memory for the session
 * only (no read_history, write_history or append_history, whatever
 * ~/.inputrc says), and output goes to the terminal alone (pages are
 * built in memory, no external pager).
 *
 * GNU readline is reached only through the small layer at the top of this
 * file (read a line, save it in the in-memory history, free it, in the
 * manner of Lua's lua.c); the session logic below never calls readline.
 */
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cli.h"
#include "diag.h"
#include "lookup.h"
#include "match.h"
#include "prompt.h"
#include "sanitize.h"
#include "xmalloc.h"

/* Clears the screen, then the scrollback (xterm's "E3" extension). */
#define PROMPT_CLEAR "\033[H\033[2J\033[3J"

/* ---- the readline layer ---- */

/*
 * Readline's callbacks (completion, line handler) and signal handlers carry
 * no context pointer, so the little state they need lives here.  Nothing
 * else in signpost is touched from a signal handler.
 */
/* ASCII-only case-insensitive comparison: strcasecmp follows the locale,
 * and under tr_TR "QUIT" and "quit" differ (dotted and dotless i). */
static int
prompt_casecmp(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y || x == '\0')
			return x - y;
	}
	return 0;
}

static volatile sig_atomic_t prompt_signal; /* SIGINT, SIGTERM or SIGHUP */
static volatile sig_atomic_t prompt_winch;  /* the terminal was resized */

/* A completion function of the session: the readline-style match list
 * for the text typed so far (element 0 replaces the text, the others are
 * listed; NULL-terminated, malloc'd), or NULL when nothing fits. */
typedef char **(*prompt_complete_fn)(void *ctx, const char *text);

/* readline's callbacks take no context: the completion of the line being
 * read, and the line once Enter ends it, reach them here.  Set at the
 * start of each read and cleared at its end; one read at a time. */
static prompt_complete_fn prompt_rl_fn;
static void *prompt_rl_ctx;
static char *prompt_rl_line;
static int prompt_rl_done;

enum prompt_read { READ_LINE, READ_EOF, READ_INTERRUPT, READ_END };

static void
prompt_on_signal(int sig)
{
	if (sig == SIGWINCH)
		prompt_winch = 1;
	else if (prompt_signal != SIGTERM && prompt_signal != SIGHUP)
		prompt_signal = sig;
}

static char **
prompt_rl_complete(const char *text, int start, int end)
{
	(void)end;
	/* Never fall back to file names: they are not ours to show. */
	rl_attempted_completion_over = 1;
	rl_completion_append_character = '\0';
	rl_completion_suppress_append = 1;
	if (prompt_rl_fn == NULL || start != 0)
		return NULL;
	return prompt_rl_fn(prompt_rl_ctx, text);
}

static void
prompt_rl_handler(char *line)
{
	prompt_rl_line = line;
	prompt_rl_done = 1;
	rl_callback_handler_remove();
}

/*
 * Sets readline up once: no signal handling of its own (the session
 * handles SIGINT, SIGTERM, SIGHUP and SIGWINCH around its own loop), the
 * whole line as the word to complete, matches kept in our order.  Settings
 * from ~/.inputrc are read by rl_initialize and may change key bindings,
 * but readline has no setting that writes a file.
 */
/*
 * What readline reads from the terminal, made safe before readline sees
 * it: readline echoes what is typed or pasted as it comes, so a pasted C1
 * control (U+009B is CSI), a bidi override or invalid UTF-8 would drive
 * the terminal or reorder the line.  Each such character becomes U+FFFD
 * on a UTF-8 terminal; on a terminal of one byte per character, a byte
 * from 0x80 to 0x9F (a C1 control there) becomes "?".  The bytes of a
 * character wait in prompt_in until readline takes them, one per call.
 */
static struct {
	unsigned char b[8];
	int n, at;
	int mode; /* 0 not known yet, 1 UTF-8, 2 one byte per character, 3 other */
} prompt_in;

static bool
prompt_in_pending(void)
{
	return prompt_in.at < prompt_in.n;
}

static void
prompt_in_queue(const unsigned char *b, int n)
{
	memcpy(prompt_in.b, b, (size_t)n);
	prompt_in.n = n;
	prompt_in.at = 0;
}

static bool
prompt_in_unsafe(int32_t c)
{
	return (c >= 0x80 && c < 0xa0) || c == 0x061c || c == 0x200e || c == 0x200f ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 ||
	       c == 0x2029;
}

static int
prompt_getc(FILE *f)
{
	static const unsigned char fffd[] = {0xef, 0xbf, 0xbd};
	unsigned char seq[4];
	int c = 0, n, i;
	int32_t cp;

	if (prompt_in_pending())
		return prompt_in.b[prompt_in.at++];
	if (prompt_in.mode == 0) {
		const char *cs = nl_langinfo(CODESET);

		prompt_in.mode = strcmp(cs, "UTF-8") == 0 ? 1 : MB_CUR_MAX == 1 ? 2 : 3;
	}
	if ((c = rl_getc(f)) == EOF || c < 0x80 || prompt_in.mode == 3)
		return c;
	if (prompt_in.mode == 2)
		return c < 0xa0 ? '?' : c;
	/* UTF-8: the whole sequence, checked. */
	n = c >= 0xc2 && c <= 0xdf   ? 2
	    : c >= 0xe0 && c <= 0xef ? 3
	    : c >= 0xf0 && c <= 0xf4 ? 4
				     : 0;
	if (n == 0) {
		prompt_in_queue(fffd + 1, 2);
		return fffd[0];
	}
	seq[0] = (unsigned char)c;
	cp = c & (0xff >> (n + 1));
	for (i = 1; i < n; i++) {
		if ((c = rl_getc(f)) == EOF || (c & 0xc0) != 0x80) {
			/* Cut short: U+FFFD, then what came instead. */
			unsigned char q[4] = {fffd[1], fffd[2]};
			int k = 2;

			if (c != EOF && c < 0x80)
				q[k++] = (unsigned char)c;
			prompt_in_queue(q, k);
			return fffd[0];
		}
		seq[i] = (unsigned char)c;
		cp = cp << 6 | (c & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || prompt_in_unsafe(cp)) {
		prompt_in_queue(fffd + 1, 2);
		return fffd[0];
	}
	prompt_in_queue(seq + 1, n - 1);
	return seq[0];
}

/*
 * Readline reads its settings from $INPUTRC, ~/.inputrc or /etc/inputrc
 * with a blocking open: a FIFO there would hang the session before its
 * first question.  Such a file is not read (readline is pointed at
 * /dev/null, which reads as empty), and the session says so.
 */
static void
prompt_rl_inputrc(void)
{
	const char *env = getenv("INPUTRC"), *home = getenv("HOME");
	char *path = env != NULL && *env != '\0' ? xstrdup(env)
		     : home != NULL              ? xasprintf("%s/.inputrc", home)
						 : NULL;
	struct stat st;

	if (path != NULL && stat(path, &st) == -1 && env == NULL) {
		free(path);
		path = xstrdup("/etc/inputrc");
	}
	if (path != NULL && stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_warning("%s: not a regular file; readline settings are not read", path);
		setenv("INPUTRC", "/dev/null", 1);
	}
	free(path);
}

static void
prompt_rl_init(void)
{
	prompt_rl_inputrc();
	rl_getc_function = prompt_getc;
	rl_readline_name = "signpost";
	rl_instream = stdin;
	rl_outstream = stdout;
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_attempted_completion_function = prompt_rl_complete;
	rl_completer_word_break_characters = "";
	rl_completer_quote_characters = NULL;
	rl_initialize();
	rl_variable_bind("show-all-if-ambiguous", "on");
	rl_sort_completion_matches = 0;
	using_history();
	stifle_history(200);
}

static void
prompt_rl_fini(void)
{
	clear_history();
	rl_callback_handler_remove();
}

/*
 * Reads one line with prompt (already in the terminal's character set),
 * completing with fn.  READ_LINE: *line is the line, free it with
 * prompt_freeline.  READ_EOF: Ctrl-D.  READ_INTERRUPT: Ctrl-C, the line is
 * abandoned.  READ_END: SIGTERM, SIGHUP or an input error.  Signals are
 * blocked (by prompt_run) except while waiting for input, so a signal is
 * never lost between the check and the wait.
 */
static enum prompt_read
prompt_readline(const char *prompt, prompt_complete_fn fn, void *ctx, char **line)
{
	sigset_t waitmask;
	int fd = fileno(rl_instream);

	*line = NULL;
	if (prompt_signal == SIGTERM || prompt_signal == SIGHUP)
		return READ_END;
	prompt_signal = 0;
	prompt_rl_fn = fn;
	prompt_rl_ctx = ctx;
	prompt_rl_done = 0;
	prompt_rl_line = NULL;
	fflush(stdout);
	sigprocmask(SIG_SETMASK, NULL, &waitmask);
	sigdelset(&waitmask, SIGINT);
	sigdelset(&waitmask, SIGTERM);
	sigdelset(&waitmask, SIGHUP);
	sigdelset(&waitmask, SIGWINCH);
	rl_callback_handler_install(prompt, prompt_rl_handler);
	while (!prompt_rl_done) {
		fd_set fds;
		int rc;

		/* The rest of a character prompt_getc has read: no waiting. */
		if (prompt_in_pending()) {
			rl_callback_read_char();
			continue;
		}
		FD_ZERO(&fds);
		FD_SET(fd, &fds);
		rc = pselect(fd + 1, &fds, NULL, NULL, NULL, &waitmask);
		if (prompt_winch) {
			prompt_winch = 0;
			rl_resize_terminal();
		}
		if (prompt_signal || (rc < 0 && errno != EINTR)) {
			int sig = prompt_signal;

			rl_free_line_state();
			rl_callback_sigcleanup();
			rl_cleanup_after_signal();
			rl_callback_handler_remove();
			fputc('\n', rl_outstream);
			fflush(rl_outstream);
			prompt_rl_fn = NULL;
			if (sig == SIGINT) {
				/* What was typed before Ctrl-C goes with it
				 * (the terminal does not drop it: NOFLSH). */
				tcflush(fd, TCIFLUSH);
				prompt_signal = 0;
				return READ_INTERRUPT;
			}
			return READ_END;
		}
		if (rc > 0)
			rl_callback_read_char();
	}
	prompt_rl_fn = NULL;
	if (prompt_rl_line == NULL) {
		/* Ctrl-D on an empty line: readline left the cursor there. */
		fputc('\n', rl_outstream);
		fflush(rl_outstream);
		return READ_EOF;
	}
	*line = prompt_rl_line;
	return READ_LINE;
}

/* Adds a line to the history of this session (memory only). */
static void
prompt_saveline(const char *line)
{
	if (*line != '\0')
		add_history(line);
}

static void
prompt_freeline(char *line)
{
	free(line);
}

/* ---- the session ---- */

enum prompt_step {
	STEP_OK,      /* go on */
	STEP_RESTART, /* Ctrl-C or "new": back to the country question */
	STEP_QUIT,    /* Ctrl-D or "quit": leave with status 0 */
	STEP_END      /* SIGTERM, SIGHUP, or the terminal went away */
};

struct prompt_ctx {
	struct prompt_session *s;
	char *country;     /* alpha-2, or NULL before the first answer */
	char *region;      /* ISO 3166-2, or NULL */
	struct strv langs; /* the caller's languages, canonical tags */
	bool likely;       /* the language was the country's usual one */
	struct answer *a;
	double now_offset; /* --at minus the real start time (0 without --at) */
};

static enum prompt_step
prompt_step_of(enum prompt_read r)
{
	switch (r) {
	case READ_INTERRUPT:
		return STEP_RESTART;
	case READ_EOF:
		return STEP_QUIT;
	case READ_END:
		return STEP_END;
	default:
		return STEP_OK;
	}
}

/* Text converted for the terminal (ASCII under LANG=C), newly allocated. */
static char *
prompt_term(struct prompt_ctx *c, const char *s)
{
	size_t len;
	char *t = i18n_to_terminal(c->s->ui, s, strlen(s), &len);

	return t ? t : xstrdup(s);
}

/* Current terminal size; 0 for what is not known. */
static void
prompt_size(int *cols, int *rows)
{
	struct winsize ws;

	*cols = *rows = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) {
		*cols = ws.ws_col;
		*rows = ws.ws_row;
	}
}

/* Before each output: the width of the terminal now. */
static void
prompt_refresh(struct prompt_ctx *c)
{
	int cols, rows;

	prompt_size(&cols, &rows);
	if (cols >= 20)
		c->s->r->width = cols > 200 ? 200 : cols;
}

/* Writes a message from the catalog layer, wrapped to the terminal. */
static void
prompt_say(struct prompt_ctx *c, char *text)
{
	char *clean = sanitize_dup(text), *w;

	prompt_refresh(c);
	w = i18n_wrap(c->s->ui, clean, c->s->r->width, "", "");
	render_line(c->s->r, w);
	render_flush(c->s->r);
	free(w);
	free(clean);
	free(text);
}

/*
 * One key from the terminal, without Enter: the terminal is put in
 * non-canonical mode for that key only, so what is typed after it stays
 * in the input for the next question (nothing typed ahead is lost).
 * Returns the byte, or -1 on end of input or a signal.
 */
static int
prompt_key(void)
{
	struct termios old, raw;
	unsigned char ch;
	sigset_t waitmask;
	int fd = STDIN_FILENO, rc = -1;

	if (tcgetattr(fd, &old) != 0)
		return -1;
	raw = old;
	raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &raw) != 0)
		return -1;
	sigprocmask(SIG_SETMASK, NULL, &waitmask);
	sigdelset(&waitmask, SIGINT);
	sigdelset(&waitmask, SIGTERM);
	sigdelset(&waitmask, SIGHUP);
	for (;;) {
		fd_set fds;
		int n;

		FD_ZERO(&fds);
		FD_SET(fd, &fds);
		n = pselect(fd + 1, &fds, NULL, NULL, NULL, &waitmask);
		if (prompt_signal) {
			if (prompt_signal == SIGINT)
				tcflush(fd, TCIFLUSH); /* as prompt_readline */
			break;
		}
		if (n > 0) {
			if (read(fd, &ch, 1) == 1)
				rc = ch;
			break;
		}
		if (n < 0 && errno != EINTR)
			break;
	}
	tcsetattr(fd, TCSANOW, &old);
	return rc;
}

/*
 * Shows text (already in the terminal's character set) a screen at a time
 * when it is longer than the screen.  Between screens one key decides:
 * Space or Enter shows more, q stops (nothing typed after q is lost).
 * The answer starts with the emergency numbers, so they are on the first
 * screen, never behind the pager.
 */
static enum prompt_step
prompt_page(struct prompt_ctx *c, const char *text, size_t len)
{
	int cols, rows, used = 0;
	const char *p = text, *end = text + len;

	prompt_size(&cols, &rows);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *next = nl ? nl + 1 : end;
		char *l = xstrndup(p, (size_t)(next - p));
		int w = i18n_width(l), h = cols > 0 && w > cols ? (w + cols - 1) / cols : 1;

		free(l);
		if (rows >= 4 && used + h > rows - 1) {
			char *m = i18n_str(c->s->ui, "prompt.more"), *pt = prompt_term(c, m);
			int key;

			free(m);
			fputs(pt, stdout);
			fflush(stdout);
			free(pt);
			key = prompt_key();
			/* Clear the "more" line. */
			fputs("\r\033[K", stdout);
			if (key < 0)
				return prompt_signal == SIGINT ? STEP_RESTART
				       : prompt_signal         ? STEP_END
							       : STEP_QUIT;
			if (key == 'q' || key == 'Q' || key == 0x1b) {
				fflush(stdout);
				return STEP_OK;
			}
			used = 0;
		}
		if (fwrite(p, 1, (size_t)(next - p), stdout) != (size_t)(next - p))
			return STEP_END;
		used += h;
		p = next;
	}
	return fflush(stdout) == 0 ? STEP_OK : STEP_END;
}

/* Starts capturing render output in memory. */
static FILE *
prompt_capture(struct prompt_ctx *c, char **buf, size_t *len, FILE **saved)
{
	FILE *mem = open_memstream(buf, len);

	if (mem == NULL) {
		diag_error("%s", strerror(errno));
		abort();
	}
	prompt_refresh(c);
	*saved = c->s->r->out;
	c->s->r->out = mem;
	return mem;
}

/* Ends the capture and pages what was written. */
static enum prompt_step
prompt_release(struct prompt_ctx *c, FILE *mem, char **buf, size_t *len, FILE *saved)
{
	enum prompt_step st;

	fclose(mem);
	c->s->r->out = saved;
	c->s->r->error = 0;
	st = prompt_page(c, *buf, *len);
	free(*buf);
	*buf = NULL;
	return st;
}

/* Decides the referral for the current caller, exactly as the scripted
 * lookup does: both call lookup_run. */
static void
prompt_rank(struct prompt_ctx *c)
{
	struct prompt_session *s = c->s;
	struct lookup_query q = {
		.country = c->country,
		.region = c->region,
		.languages = (const char *const *)c->langs.v,
		.nlanguages = c->langs.n,
		.languages_likely = c->likely,
		.audience = s->audience,
		.open_now = s->open_now,
		.at = i18n_now() + c->now_offset,
		.at_given = s->at_given,
	};

	lookup_free(c->a);
	c->a = lookup_run(s->t, s->ui, &q);
}

static enum prompt_step
prompt_results(struct prompt_ctx *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *saved, *mem = prompt_capture(c, &buf, &len, &saved);

	render_answer(c->s->r, c->s->t, c->a);
	return prompt_release(c, mem, &buf, &len, saved);
}

/* "could mean several" or "did you mean" for a country or a language. */
static void
prompt_not_found(struct prompt_ctx *c, bool language, const char *in, enum i18n_match m,
		 const struct i18n_candidates *cand)
{
	char *msg = render_not_found(c->s->ui, language, in, m, cand);

	prompt_say(c, msg);
}

/*
 * Completion shared by both questions: the candidates from i18n, in the
 * terminal's character set.  When all of them name the same thing
 * ("cz": CZ, Czechia, Czech Republic) the line becomes its name in the UI
 * language; otherwise the common beginning, if it is longer than what was
 * typed, and the candidates are listed.
 */
static char **
prompt_complete(struct prompt_ctx *c, bool language, const char *text, char **v, size_t n)
{
	struct i18n *ui = c->s->ui;
	char **m, *same = NULL;
	size_t i, lcd, tl = 0, ll = 0;
	bool unique = n <= 32;

	if (n == 0)
		return NULL;
	for (i = 0; i < n && unique; i++) {
		struct i18n_candidates cand = {0};
		char *code = NULL;
		enum i18n_match r = language ? i18n_language_parse(ui, v[i], &code, &cand)
					     : i18n_country_parse(ui, v[i], &code, &cand);

		if (r != I18N_FOUND || (same != NULL && strcmp(same, code) != 0))
			unique = false;
		if (same == NULL && r == I18N_FOUND) {
			same = code;
			code = NULL;
		}
		free(code);
		i18n_candidates_free(&cand);
	}
	if (unique && same != NULL) {
		char *name = language ? i18n_language_name(ui, same) : i18n_country_name(ui, same);

		m = xcalloc(2, sizeof *m);
		m[0] = prompt_term(c, name);
		free(name);
		free(same);
		i18n_strv_free(v, n);
		return m;
	}
	free(same);
	m = xcalloc(n + 2, sizeof *m);
	for (i = 0; i < n; i++)
		m[i + 1] = prompt_term(c, v[i]);
	i18n_strv_free(v, n);
	/* The common beginning, cut at a character boundary. */
	lcd = strlen(m[1]);
	for (i = 2; i <= n; i++) {
		size_t k = 0;

		while (k < lcd && m[i][k] == m[1][k])
			k++;
		lcd = k;
	}
	while (lcd > 0 && ((unsigned char)m[1][lcd] & 0xc0) == 0x80)
		lcd--;
	for (i = 0; text[i]; i++)
		tl += ((unsigned char)text[i] & 0xc0) != 0x80;
	for (i = 0; i < lcd; i++)
		ll += ((unsigned char)m[1][i] & 0xc0) != 0x80;
	m[0] = ll >= tl && lcd > 0 ? xstrndup(m[1], lcd) : xstrdup(text);
	if (n == 1) {
		free(m[0]);
		m[0] = m[1];
		m[1] = NULL;
	}
	return m;
}

static char **
prompt_complete_country(void *ctx, const char *text)
{
	struct prompt_ctx *c = ctx;
	char **v;
	size_t n = i18n_country_complete(c->s->ui, text, &v);

	return prompt_complete(c, false, text, v, n);
}

/* The languages that services for the country (or for anyone) are
 * offered in, for completion and for nothing else. */
static size_t
prompt_offered(struct prompt_ctx *c, const char ***out)
{
	const struct table *t = c->s->t;
	const char **v = xcalloc(1, sizeof *v);
	size_t n = 0, i, j, k;

	for (i = 0; i < t->nservices; i++) {
		const struct service *sv = &t->services[i];
		bool fits = false;

		for (j = 0; j < sv->countries.n; j++)
			fits |= strcmp(sv->countries.v[j], "world") == 0 ||
				(c->country != NULL && strcmp(sv->countries.v[j], c->country) == 0);
		if (sv->status == STATUS_ENDED || !fits)
			continue;
		for (j = 0; j < t->services[i].languages.n; j++) {
			const char *l = t->services[i].languages.v[j];

			for (k = 0; k < n && strcmp(v[k], l) != 0; k++)
				;
			if (k == n) {
				v = xreallocarray(v, n + 1, sizeof *v);
				v[n++] = l;
			}
		}
	}
	*out = v;
	return n;
}

static char **
prompt_complete_language(void *ctx, const char *text)
{
	struct prompt_ctx *c = ctx;
	const char **first;
	size_t nfirst = prompt_offered(c, &first);
	char **v;
	size_t n = i18n_language_complete(c->s->ui, text, first, nfirst, &v);

	free(first);
	return prompt_complete(c, true, text, v, n);
}

/* Removes leading and trailing white space in place. */
static char *
prompt_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

static void
prompt_langs_free(struct strv *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/*
 * Parses an answer to the language question: one language or several,
 * separated by commas, in order of preference.  Returns I18N_FOUND with
 * out filled, or the failing match with *bad the part that failed and
 * cand its candidates.
 */
static enum i18n_match
prompt_parse_languages(struct prompt_ctx *c, char *in, struct strv *out, char **bad,
		       struct i18n_candidates *cand)
{
	char *save = NULL, *p;

	for (p = strtok_r(in, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
		char *code = NULL;
		enum i18n_match m;
		size_t i;
		bool dup = false;

		p = prompt_trim(p);
		if (*p == '\0')
			continue;
		m = i18n_language_parse(c->s->ui, p, &code, cand);
		if (m != I18N_FOUND) {
			*bad = p;
			return m;
		}
		i18n_candidates_free(cand);
		for (i = 0; i < out->n; i++)
			dup |= strcmp(out->v[i], code) == 0;
		if (dup) {
			free(code);
			continue;
		}
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		out->v[out->n++] = code;
	}
	return I18N_FOUND;
}

/*
 * Asks a question: the country (language false) or the caller's
 * languages.  On STEP_OK *code is the country (allocated), or *langs the
 * languages.  "?" explains the question; an ambiguous or unknown answer
 * lists candidates, makes the closest suggestion for a misspelt name the
 * default and asks again.
 */
static enum prompt_step
prompt_ask(struct prompt_ctx *c, bool language, char **code, struct strv *langs)
{
	char *best = NULL;

	for (;;) {
		struct i18n *ui = c->s->ui;
		char *def = best, *q, *pt, *line, *in, *bad = NULL;
		const char *home = i18n_home_region(ui);
		struct i18n_candidates cand = {0};
		enum i18n_match m;
		enum prompt_read r;

		best = NULL;
		if (def == NULL && language)
			def = i18n_likely_language(c->country);
		if (def == NULL && !language && home != NULL && i18n_country_valid(home))
			def = xstrdup(home);
		if (def != NULL) {
			char *name = language          ? i18n_language_name(ui, def)
				     : strlen(def) > 2 ? i18n_region_name(ui, def)
						       : i18n_country_name(ui, def);

			q = i18n_fmt(
				ui, language ? "prompt.language_default" : "prompt.country_default",
				"s", name);
			free(name);
		} else {
			q = i18n_str(ui, language ? "prompt.language" : "prompt.country");
		}
		pt = prompt_term(c, q);
		free(q);
		r = prompt_readline(pt,
				    language ? prompt_complete_language : prompt_complete_country,
				    c, &line);
		free(pt);
		if (r != READ_LINE) {
			free(def);
			return prompt_step_of(r);
		}
		in = prompt_trim(line);
		prompt_saveline(in);
		if (*in == '\0' && def != NULL) {
			prompt_freeline(line);
			if (language) {
				langs->v = xcalloc(2, sizeof *langs->v);
				langs->v[langs->n++] = def;
			} else {
				*code = def;
			}
			return STEP_OK;
		}
		free(def);
		if (*in == '\0' || strcmp(in, "?") == 0) {
			prompt_say(c, i18n_str(ui, language ? "prompt.language_help"
							    : "prompt.country_help"));
			prompt_freeline(line);
			continue;
		}
		if (language) {
			struct strv got = {0};

			m = prompt_parse_languages(c, in, &got, &bad, &cand);
			if (m == I18N_FOUND && got.n > 0) {
				*langs = got;
				i18n_candidates_free(&cand);
				prompt_freeline(line);
				return STEP_OK;
			}
			prompt_langs_free(&got);
			if (m == I18N_FOUND) {
				prompt_freeline(line);
				continue;
			}
		} else {
			m = i18n_country_parse(ui, in, code, &cand);
			if (m == I18N_FOUND) {
				i18n_candidates_free(&cand);
				prompt_freeline(line);
				return STEP_OK;
			}
		}
		prompt_not_found(c, language, bad ? bad : in, m, &cand);
		/* The closest suggestion for a misspelt name becomes the
		 * default, shown in brackets for Enter to take.  Where a name
		 * fits several (Congo), none is chosen for the worker. */
		if (cand.n > 0 && m != I18N_AMBIGUOUS)
			best = xstrdup(cand.codes[0]);
		i18n_candidates_free(&cand);
		prompt_freeline(line);
	}
}

/* Sets the country (or region) the session looks up for. */
static void
prompt_set_country(struct prompt_ctx *c, char *code)
{
	free(c->country);
	free(c->region);
	c->region = strlen(code) > 2 ? xstrdup(code) : NULL;
	code[strcspn(code, "-")] = '\0';
	c->country = code;
}

/* Asks the caller's languages for the current country and shows the
 * results. */
static enum prompt_step
prompt_lookup_language(struct prompt_ctx *c)
{
	struct strv langs = {0};
	char *likely;
	enum prompt_step st = prompt_ask(c, true, NULL, &langs);

	if (st != STEP_OK)
		return st;
	likely = i18n_likely_language(c->country);
	prompt_langs_free(&c->langs);
	c->langs = langs;
	c->likely = langs.n == 1 && likely != NULL && strcmp(likely, langs.v[0]) == 0;
	free(likely);
	prompt_rank(c);
	return prompt_results(c);
}

static enum prompt_step
prompt_lookup(struct prompt_ctx *c)
{
	char *code = NULL;
	enum prompt_step st = prompt_ask(c, false, &code, NULL);

	if (st != STEP_OK || code == NULL) {
		free(code);
		return st != STEP_OK ? st : STEP_RESTART;
	}
	prompt_set_country(c, code);
	return prompt_lookup_language(c);
}

/* ---- commands ---- */

enum prompt_cmd {
	CMD_DETAILS,
	CMD_CARD,
	CMD_NEW,
	CMD_LANGUAGE,
	CMD_AUDIENCE,
	CMD_OPEN,
	CMD_UI,
	CMD_HELP,
	CMD_QUIT,
	CMD_NONE,
	CMD_AMBIGUOUS
};

static const struct {
	const char *name; /* English, always understood */
	const char *shortcut;
	const char *key; /* the command word in the UI language */
	const char *arg; /* the key of its argument's placeholder in help, or NULL */
	const char *help;
} prompt_cmds[] = {
	{"details", "d", "prompt.command.details", "prompt.arg.number", "prompt.help.details"},
	{"card", "c", "prompt.command.card", "prompt.arg.number", "prompt.help.card"},
	{"new", "n", "prompt.command.new", NULL, "prompt.help.new"},
	{"language", "l", "prompt.command.language", NULL, "prompt.help.language"},
	{"audience", "a", "prompt.command.audience", "prompt.arg.audience", "prompt.help.audience"},
	{"open", "o", "prompt.command.open", NULL, "prompt.help.open"},
	{"ui", "u", "prompt.command.ui", "prompt.arg.tag", "prompt.help.ui"},
	{"help", "?", "prompt.command.help", NULL, "prompt.help.help"},
	{"quit", "q", "prompt.command.quit", NULL, "prompt.help.quit"},
};
#define PROMPT_NCMDS (sizeof prompt_cmds / sizeof prompt_cmds[0])

/*
 * The command a word names: an English shortcut or name, the name in the
 * UI language, or a beginning that fits one name only.  A beginning that
 * fits several is CMD_AMBIGUOUS, with *which (to free) naming them.
 */
static enum prompt_cmd
prompt_command(struct prompt_ctx *c, const char *w, char **which)
{
	const char *fit[PROMPT_NCMDS];
	char *loc[PROMPT_NCMDS];
	size_t i, len = strlen(w), nfit = 0;
	enum prompt_cmd found = CMD_NONE;

	*which = NULL;
	for (i = 0; i < PROMPT_NCMDS; i++)
		if (prompt_casecmp(w, prompt_cmds[i].shortcut, (size_t)-1) == 0 ||
		    prompt_casecmp(w, prompt_cmds[i].name, (size_t)-1) == 0)
			return (enum prompt_cmd)i;
	for (i = 0; i < PROMPT_NCMDS; i++)
		loc[i] = i18n_str(c->s->ui, prompt_cmds[i].key);
	for (i = 0; i < PROMPT_NCMDS && found == CMD_NONE; i++)
		if (prompt_casecmp(w, loc[i], (size_t)-1) == 0)
			found = (enum prompt_cmd)i;
	/* Else a beginning, in either language: Spanish "de" fits both
	 * "details" and "destinatarios", and is not guessed. */
	for (i = 0; i < PROMPT_NCMDS && found == CMD_NONE && len > 0; i++)
		if (prompt_casecmp(w, prompt_cmds[i].name, len) == 0 ||
		    prompt_casecmp(w, loc[i], len) == 0)
			fit[nfit++] = loc[i];
	if (found == CMD_NONE && nfit == 1) {
		for (i = 0; loc[i] != fit[0]; i++)
			;
		found = (enum prompt_cmd)i;
	} else if (found == CMD_NONE && nfit > 1) {
		found = CMD_AMBIGUOUS;
		*which = i18n_list(c->s->ui, fit, nfit, I18N_LIST_OR);
	}
	for (i = 0; i < PROMPT_NCMDS; i++)
		free(loc[i]);
	return found;
}

static void
prompt_help(struct prompt_ctx *c)
{
	struct i18n *ui = c->s->ui;
	struct buf b = {0};
	size_t i;
	int col = 0;
	char **left = xcalloc(PROMPT_NCMDS, sizeof *left),
	     *all = i18n_str(ui, "prompt.command.all");

	prompt_refresh(c);
	for (i = 0; i < PROMPT_NCMDS; i++) {
		char *word = i18n_str(ui, prompt_cmds[i].key);
		char *ph = prompt_cmds[i].arg ? i18n_str(ui, prompt_cmds[i].arg) : NULL;
		char *arg = ph != NULL && i != CMD_CARD ? xasprintf(" %s", ph) : xstrdup("");
		char *cardarg = i == CMD_CARD ? xasprintf(" [%s|%s]", ph, all) : xstrdup("");

		{
			/* The word and its short form: "details N or d N". */
			char *forms[2];

			forms[0] = xasprintf("%s%s%s", word, arg, cardarg);
			forms[1] = xasprintf("%s%s%s", prompt_cmds[i].shortcut, arg, cardarg);
			left[i] = i18n_list(ui, (const char *const *)forms, 2, I18N_LIST_OR);
			free(forms[0]);
			free(forms[1]);
		}
		if (i18n_width(left[i]) > col)
			col = i18n_width(left[i]);
		free(cardarg);
		free(arg);
		free(ph);
		free(word);
	}
	free(all);
	{
		char *h = i18n_str(ui, "prompt.help.header");

		buf_addf(&b, "%s\n", h);
		free(h);
	}
	for (i = 0; i < PROMPT_NCMDS; i++) {
		char *text = i18n_str(ui, prompt_cmds[i].help), *first, *pad, *w;
		int lw = i18n_width(left[i]);

		/* Two columns when there is room; else the text under the command. */
		if (c->s->r->width >= col + 24) {
			first = xasprintf("  %s%*s  ", left[i], col - lw, "");
			pad = xasprintf("%*s", col + 4, "");
		} else {
			buf_addf(&b, "  %s\n", left[i]);
			first = xstrdup("    ");
			pad = xstrdup("    ");
		}
		w = i18n_wrap(ui, text, c->s->r->width, first, pad);
		buf_addf(&b, "%s\n", w);
		free(w);
		free(first);
		free(pad);
		free(text);
		free(left[i]);
	}
	free(left);
	{
		char *k = i18n_str(ui, "prompt.help.keys"),
		     *w = i18n_wrap(ui, k, c->s->r->width, "", "");

		buf_add(&b, w);
		free(w);
		free(k);
	}
	render_line(c->s->r, b.s);
	render_flush(c->s->r);
	buf_free(&b);
}

/* The result a "details"/"card" argument names (1-based), or 0 after
 * saying what is wrong.  With one result, no number is needed. */
static size_t
prompt_result_number(struct prompt_ctx *c, enum prompt_cmd cmd, const char *arg)
{
	size_t n = c->a ? c->a->n : 0;
	char *end;
	long v;

	if (n == 0) {
		prompt_say(c, i18n_str(c->s->ui, "prompt.no_results"));
		return 0;
	}
	if ((arg == NULL || *arg == '\0') && n == 1)
		return 1;
	if (arg == NULL || *arg == '\0') {
		char *word = i18n_str(c->s->ui, prompt_cmds[cmd].key);

		prompt_say(c, i18n_fmt(c->s->ui, "prompt.need_number", "sn", word, (double)n));
		free(word);
		return 0;
	}
	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || (unsigned long)v > n) {
		char *clean = sanitize_dup(arg);

		prompt_say(c, i18n_fmt(c->s->ui, "prompt.bad_number", "sn", clean, (double)n));
		free(clean);
		return 0;
	}
	return (size_t)v;
}

static enum prompt_step
prompt_details(struct prompt_ctx *c, const char *arg)
{
	size_t k = prompt_result_number(c, CMD_DETAILS, arg);
	char *buf = NULL;
	size_t len = 0;
	FILE *saved, *mem;

	if (k == 0)
		return STEP_OK;
	mem = prompt_capture(c, &buf, &len, &saved);
	render_details(c->s->r, c->a, k - 1);
	return prompt_release(c, mem, &buf, &len, saved);
}

/* Referral cards are written in the caller's language (the first of
 * their languages that has a catalog), not the UI's. */
static enum prompt_step
prompt_card(struct prompt_ctx *c, const char *arg)
{
	struct render *r = c->s->r;
	char *all = i18n_str(c->s->ui, "prompt.command.all"), *buf = NULL;
	bool every = arg != NULL && (prompt_casecmp(arg, "all", (size_t)-1) == 0 ||
				     prompt_casecmp(arg, all, (size_t)-1) == 0);
	size_t k = 0, len = 0, i;
	struct i18n *card = NULL;
	FILE *saved, *mem;
	enum prompt_step st;

	free(all);
	if (!every && (k = prompt_result_number(c, CMD_CARD, arg)) == 0)
		return STEP_OK;
	if (every && (c->a == NULL || c->a->n == 0)) {
		prompt_say(c, i18n_str(c->s->ui, "prompt.no_results"));
		return STEP_OK;
	}
	for (i = 0; i < c->langs.n && card == NULL; i++) {
		char *cause = NULL;

		card = i18n_open_tag(c->langs.v[i], c->s->locales_dir, &cause);
		free(cause);
		if (card != NULL && !match_language(i18n_tag(card), c->langs.v[i])) {
			i18n_free(card);
			card = NULL;
		}
	}
	r->card = card ? card : c->s->ui;
	if (c->a != NULL)
		lookup_cards(c->a, i18n_tag(r->card));
	mem = prompt_capture(c, &buf, &len, &saved);
	r->format = RENDER_CARD;
	if (every)
		render_answer(r, c->s->t, c->a);
	else
		render_card(r, c->a, k - 1);
	r->format = RENDER_TEXT;
	st = prompt_release(c, mem, &buf, &len, saved);
	r->card = NULL;
	i18n_free(card);
	/* What local tables changed, for the worker: below the card, never
	 * on it (the caller gets the card). */
	if (st == STEP_OK) {
		char **notes;
		size_t n =
			render_card_local(r, c->s->t, c->a, every ? SIZE_MAX : k - 1, NULL, &notes);

		for (i = 0; i < n; i++)
			prompt_say(c, notes[i]);
		free(notes);
	}
	return st;
}

/* "audience self,close" (or all, professional): who the services are for. */
static enum prompt_step
prompt_audience(struct prompt_ctx *c, const char *arg)
{
	unsigned bits = 0;
	char *copy, *p, *save = NULL;
	bool ok = arg != NULL && *arg != '\0';

	copy = xstrdup(arg ? arg : "");
	for (p = strtok_r(copy, ", ", &save); p && ok; p = strtok_r(NULL, ", ", &save)) {
		if (prompt_casecmp(p, "self", (size_t)-1) == 0)
			bits |= AUDIENCE_SELF;
		else if (prompt_casecmp(p, "close", (size_t)-1) == 0)
			bits |= AUDIENCE_CLOSE;
		else if (prompt_casecmp(p, "professional", (size_t)-1) == 0)
			bits |= AUDIENCE_PROFESSIONAL;
		else if (prompt_casecmp(p, "all", (size_t)-1) == 0)
			bits |= AUDIENCE_SELF | AUDIENCE_CLOSE | AUDIENCE_PROFESSIONAL;
		else
			ok = false;
	}
	free(copy);
	if (!ok || bits == 0) {
		prompt_say(c, i18n_str(c->s->ui, "prompt.audience_usage"));
		return STEP_OK;
	}
	c->s->audience = bits;
	if (c->country == NULL)
		return STEP_OK;
	prompt_rank(c);
	return prompt_results(c);
}

/* "open": only the lines open now, or again all of them. */
static enum prompt_step
prompt_open(struct prompt_ctx *c)
{
	c->s->open_now = !c->s->open_now;
	prompt_say(c, i18n_str(c->s->ui, c->s->open_now ? "prompt.open_on" : "prompt.open_off"));
	if (c->country == NULL)
		return STEP_OK;
	prompt_rank(c);
	return prompt_results(c);
}

static void
prompt_ui(struct prompt_ctx *c, const char *arg)
{
	struct prompt_session *s = c->s;
	struct i18n *ui;
	char *cause = NULL, *name;

	if (arg == NULL || *arg == '\0') {
		prompt_say(c, i18n_str(s->ui, "prompt.ui_usage"));
		return;
	}
	if ((ui = i18n_open(arg, s->locales_dir, &cause)) == NULL) {
		char *clean = sanitize_dup(arg);

		free(cause);
		prompt_say(c, i18n_fmt(s->ui, "error.bad_ui_language", "s", clean));
		free(clean);
		return;
	}
	i18n_set_datadir(ui, s->datadir);
	diag_set_ui(ui);
	i18n_free(s->ui);
	s->ui = ui;
	s->r->ui = ui;
	name = i18n_language_autonym(i18n_tag(ui));
	prompt_say(c, i18n_fmt(ui, "prompt.ui_changed", "s", name));
	free(name);
}

/* Reads and carries out commands until one leaves the results. */
static enum prompt_step
prompt_commands(struct prompt_ctx *c)
{
	for (;;) {
		char *q = i18n_str(c->s->ui, "prompt.command"), *pt = prompt_term(c, q);
		char *line, *in, *arg, *whole, *which = NULL;
		enum prompt_read r = prompt_readline(pt, NULL, NULL, &line);
		enum prompt_step st = STEP_OK;

		free(q);
		free(pt);
		if (r != READ_LINE)
			return prompt_step_of(r);
		in = prompt_trim(line);
		prompt_saveline(in);
		whole = xstrdup(in);
		arg = in + strcspn(in, " \t");
		if (*arg != '\0') {
			*arg++ = '\0';
			arg = prompt_trim(arg);
		}
		if (*in == '\0') {
			free(whole);
			prompt_freeline(line);
			continue;
		}
		switch (prompt_command(c, in, &which)) {
		case CMD_DETAILS:
			st = prompt_details(c, arg);
			break;
		case CMD_CARD:
			st = prompt_card(c, arg);
			break;
		case CMD_NEW:
			st = STEP_RESTART;
			break;
		case CMD_LANGUAGE:
			st = prompt_lookup_language(c);
			break;
		case CMD_AUDIENCE:
			st = prompt_audience(c, arg);
			break;
		case CMD_OPEN:
			st = prompt_open(c);
			break;
		case CMD_UI:
			prompt_ui(c, arg);
			break;
		case CMD_HELP:
			prompt_help(c);
			break;
		case CMD_QUIT:
			st = STEP_QUIT;
			break;
		case CMD_AMBIGUOUS: {
			char *clean = sanitize_dup(in);

			prompt_say(c, i18n_fmt(c->s->ui, "prompt.ambiguous_command", "ss", clean,
					       which));
			free(clean);
			break;
		}
		case CMD_NONE: {
			/* A country typed here starts a lookup for it. */
			struct i18n_candidates cand = {0};
			char *code = NULL;

			if (i18n_country_parse(c->s->ui, whole, &code, &cand) == I18N_FOUND) {
				prompt_set_country(c, code);
				st = prompt_lookup_language(c);
			} else {
				char *clean = sanitize_dup(whole);

				prompt_say(c, i18n_fmt(c->s->ui, "prompt.unknown_command", "s",
						       clean));
				free(clean);
			}
			i18n_candidates_free(&cand);
			break;
		}
		}
		free(which);
		free(whole);
		prompt_freeline(line);
		if (st != STEP_OK)
			return st;
	}
}

int
prompt_run(struct prompt_session *s)
{
	struct prompt_ctx c = {.s = s};
	struct sigaction sa, old[4];
	static const int sigs[4] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH};
	sigset_t block, saved;
	struct termios tty;
	bool tty_saved;
	enum render_format format = s->r->format;
	enum prompt_step st = STEP_RESTART;
	int rc = EXIT_MATCH;
	size_t i;

	c.now_offset = s->at_given ? s->now - i18n_now() : 0;
	/* The session shows the call view, and hints name its commands. */
	s->r->format = RENDER_TEXT;
	s->r->session = true;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = prompt_on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	for (i = 0; i < 4; i++) {
		sigaction(sigs[i], &sa, &old[i]);
		sigaddset(&block, sigs[i]);
	}
	/* Signals wait for prompt_readline; they never interrupt output. */
	sigprocmask(SIG_BLOCK, &block, &saved);
	prompt_signal = prompt_winch = 0;
	/*
	 * Ctrl-C must not empty the input behind our back: a read that
	 * pselect said would not wait would then wait, with the signal that
	 * could end it blocked, for ever.  With NOFLSH the terminal keeps
	 * the input, and the session drops it itself when it takes the
	 * signal (prompt_readline, prompt_key).  Readline keeps the flag in
	 * the settings it makes from these; the terminal gets its own back
	 * at the end.
	 */
	tty_saved = tcgetattr(STDIN_FILENO, &tty) == 0;
	if (tty_saved) {
		struct termios keep = tty;

		keep.c_lflag |= NOFLSH;
		tcsetattr(STDIN_FILENO, TCSANOW, &keep);
	}
	prompt_rl_init();
	prompt_say(&c, i18n_str(s->ui, "prompt.welcome"));
	while (st == STEP_RESTART) {
		st = prompt_lookup(&c);
		if (st == STEP_OK)
			st = prompt_commands(&c);
	}
	if (st == STEP_END && (prompt_signal == SIGTERM || prompt_signal == SIGHUP))
		rc = 128 + prompt_signal;
	else if (st == STEP_END)
		rc = EXIT_IO;
	prompt_rl_fini();
	if (tty_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &tty);
	if (s->discreet) {
		fputs(PROMPT_CLEAR, stdout);
	}
	fflush(stdout);
	sigprocmask(SIG_SETMASK, &saved, NULL);
	for (i = 0; i < 4; i++)
		sigaction(sigs[i], &old[i], NULL);
	s->r->format = format;
	s->r->session = false;
	lookup_free(c.a);
	free(c.country);
	free(c.region);
	prompt_langs_free(&c.langs);
	return rc;
}
