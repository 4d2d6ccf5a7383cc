/* SPDX-License-Identifier: MIT */
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

#include "http/auth.h"
#include "core/config.h"

/*
 * The Unix socket is the administrator's path: root, the daemon's own user, and members of
 * [daemon] admin_group. Peer credentials come from SO_PEERCRED (the kernel says who connected).
 */

/* Is the user UID (primary group GID) a member of group ADMIN? */
static int in_group(const char *admin, uid_t uid, gid_t gid)
{
	struct group *gr = getgrnam(admin);
	struct passwd *pw;
	gid_t groups[256];
	int n = 256;

	if (gr == NULL)
		return 0;
	if (gr->gr_gid == gid)
		return 1;
	if ((pw = getpwuid(uid)) == NULL)
		return 0;
	if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &n) == -1)
		return 0;
	for (int i = 0; i < n; i++)
		if (groups[i] == gr->gr_gid)
			return 1;
	return 0;
}

int auth_peer_is_admin(const struct config *c, long uid, long gid)
{
	if (uid < 0)
		return 0;
	if (uid == 0 || (uid_t)uid == geteuid())
		return 1;
	return c->admin_group != NULL && in_group(c->admin_group, (uid_t)uid, (gid_t)gid);
}
