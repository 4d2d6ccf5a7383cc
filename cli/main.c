/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "nls.h"
#include "run.h"

/* qweek: the command-line client of qweekd. Everything but main lives in the qweek_cli library. */

int main(int argc, char **argv)
{
	static char buf[1 << 16];

	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	nls_init();
	return run_main(argc, argv);
}
