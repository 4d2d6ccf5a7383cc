/* SPDX-License-Identifier: MIT */
/* What a WebDAV request body asks (RFC 4918, 4791, 6578), read with libxml2 (dav_xml.c). */
#ifndef QWEEK_DAV_XML_H
#define QWEEK_DAV_XML_H

#include <stddef.h>

#include "core/error.h"

#define DAV_NS	      "DAV:"
#define DAV_NS_CALDAV "urn:ietf:params:xml:ns:caldav"
#define DAV_NS_CS     "http://calendarserver.org/ns/"
#define DAV_NS_APPLE  "http://apple.com/ns/ical/"

#define DAV_MAX_PROPS 64
#define DAV_MAX_HREFS 10000
#define DAV_MAX_BODY  (1024 * 1024)
#define DAV_MAX_DEPTH 32 /* elements inside each other: no request needs more than 8 */

enum dav_kind {
	DAV_PROPFIND,	    /* PROPFIND, also with no body (allprop) */
	DAV_CALENDAR_QUERY, /* REPORT calendar-query */
	DAV_MULTIGET,	    /* REPORT calendar-multiget */
	DAV_SYNC,	    /* REPORT sync-collection */
	DAV_OTHER_REPORT,   /* a REPORT we do not offer (free-busy-query, expand-property...) */
};

/* A property asked for: its namespace and local name. */
struct dav_prop {
	char ns[64];
	char name[64];
};

struct dav_body {
	enum dav_kind kind;
	int allprop, propname;
	int nprops;
	struct dav_prop props[DAV_MAX_PROPS];
	int nhrefs;
	char **hrefs; /* multiget: malloc'd */
	char sync_token[256];
	int comp_todo, comp_event; /* calendar-query: the component filters named */
	char report[64];	   /* the REPORT's element name, for a refusal */
};

/*
 * Reads the LEN bytes at XML as the body of a PROPFIND (REPORT: 0) or a REPORT into OUT
 * (dav_body_free). An empty body of a PROPFIND is allprop. Refuses (400) what is not
 * well-formed, has a DOCTYPE (no entities are ever expanded or fetched), nests deeper than
 * DAV_MAX_DEPTH or is larger than DAV_MAX_BODY, and (422) an element of the wrong kind.
 */
int dav_xml_parse(const char *xml, size_t len, int propfind, struct dav_body *out,
		  struct error *err);
void dav_body_free(struct dav_body *b);

/* True if B asks for property NS:NAME (allprop asks for the ones a client lists). */
int dav_body_wants(const struct dav_body *b, const char *ns, const char *name);

#endif
