/* SPDX-License-Identifier: MIT */
/* The daemon's configuration: an INI file whose keys match the command-line options. */
#ifndef QWEEK_CONFIG_H
#define QWEEK_CONFIG_H

/* Every string is malloc'd and owned by the struct; NULL when not set. */
struct config {
	char *db;
	char *socket;
	char *listen;	  /* HOST:PORT */
	char *url;	  /* how people reach the TCP listener: feed and status links */
	char *key;	  /* the link key file (link_key.h); NULL: next to the database */
	char *admin_name; /* whose name the socket's changes carry; NULL: from passwd */
	int log_level;	  /* enum log_level */
	char *smtp_url;
	char *smtp_from;
	char *smtp_user;
	char *smtp_password;
	int smtp_starttls; /* 1 yes, 0 no */
	char *notify_command;
	char *admin_group;   /* members may use the Unix socket as administrators */
	char *hosts;	     /* names the TCP listener answers to ("a,b"); NULL: defaults */
	int max_connections; /* open HTTP connections at most (the oldest idle one is shed) */
	int max_connections_per_address; /* of them from one client address */
	char *trusted_proxy; /* reverse proxies whose X-Forwarded-For names the client ("a,b") */
};

#define CONFIG_MAX_CONNECTIONS		   512
#define CONFIG_MAX_CONNECTIONS_PER_ADDRESS 32

void config_init(struct config *c);
void config_free(struct config *c);

/*
 * Reads FILE into C (keys it sets replace earlier values). Returns 0, or -1 with *CAUSE set to
 * "FILE:LINE: what is wrong" (malloc'd, the caller frees it).
 */
int config_load(struct config *c, const char *file, char **cause);

/* Sets one key as "section.key" = value (the command line uses it too); 0 or -1 with *CAUSE. */
int config_set(struct config *c, const char *section, const char *key, const char *value,
	       char **cause);

/* Checks values that must make sense together; 0 or -1 with *CAUSE. */
int config_check(const struct config *c, char **cause);

/* Splits "HOST:PORT" ("[::1]:8080" too) into HOST (size HOSTLEN) and PORT; 0 or -1. */
int config_parse_listen(const char *s, char *host, unsigned hostlen, unsigned short *port);

#endif
