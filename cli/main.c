/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "cmd.h"

/* qweek: the command-line client of qweekd. Everything but main lives in the qweek_cli library. */

int main(int argc, char **argv)
{
	static char buf[1 << 16];

	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	return cmd_main(argc, argv);
}
