/* SPDX-License-Identifier: MIT */
/*
 * The WHEN parser's tokenizer (when_lex.c), shared with its grammar (when.c) and with the
 * rewriting of next year's dates (when_shift.c), nothing else: the tokens, the parser that holds them, and the words and quotes they are read with.
 */
#ifndef QWEEK_WHEN_LEX_H
#define QWEEK_WHEN_LEX_H

#include <stddef.h>

struct when_ctx; /* time/when.h */

#define MAXTOK	64
#define WORDLEN 32

enum tok_kind { T_END, T_NUM, T_WORD, T_DOT, T_COLON, T_DASH, T_SLASH, T_COMMA, T_PLUS, T_OTHER };

struct tok {
	enum tok_kind kind;
	int sp;		    /* whitespace before it */
	size_t off, end;    /* its bytes in the text */
	int num, ndig;	    /* T_NUM: value (capped at 999999) and digits */
	char word[WORDLEN]; /* T_WORD: folded to lower case; empty if too long */
};

/* The tokenizer fills TEXT's tokens T[0..N]; the grammar moves I through them. */
struct parser {
	const char *text;
	struct tok t[MAXTOK + 1]; /* t[n] is the end, or garbage if the text goes on */
	int n, i;
	char *cause;
	const struct when_ctx *ctx;
};

/* Splits P->TEXT into at most MAXTOK tokens; t[n] marks where they stop. */
void when_lex(struct parser *p);

/* Is the LEN bytes at W one of the '|'-separated entries of LIST ("" is an entry too)? */
int when_lex_in_list(const char *w, size_t len, const char *list);

/* The month (1-12) a folded word names in Russian, Ukrainian or English, in any case; or 0. */
int when_lex_month(const char *w);

/*
 * Copies the bytes [OFF, END) of the text into BUF (SIZE bytes) for a message: spaces made one,
 * controls '?', shortened with "…". Returns BUF.
 */
char *when_lex_quote(const struct parser *p, size_t off, size_t end, char *buf, size_t size);

#endif
