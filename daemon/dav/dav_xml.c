/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "dav/dav_xml.h"

/*
 * libxml2 reads the body into a tree: with XML_PARSE_NONET (nothing fetched), without
 * XML_PARSE_NOENT (no entity replaced), without XML_PARSE_HUGE (its own limits on names and
 * text stay), and a DOCTYPE stops the parser where it starts, so no entity is ever declared:
 * an entity bomb is refused before it costs anything. No request of a WebDAV client has one.
 */

static void no_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	xmlParserCtxtPtr p = ctx;

	(void)name, (void)ext, (void)sys;
	p->_private = (void *)1;
	xmlStopParser(p);
}

static int is(const xmlNode *n, const char *ns, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL && n->ns->href != NULL &&
	       strcmp((const char *)n->ns->href, ns) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

static int too_deep(const xmlNode *n, int depth)
{
	if (depth > DAV_MAX_DEPTH)
		return 1;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && too_deep(c, depth + 1))
			return 1;
	return 0;
}

static void read_props(const xmlNode *prop, struct dav_body *b)
{
	for (const xmlNode *c = prop->children; c != NULL; c = c->next) {
		struct dav_prop *p;
		if (c->type != XML_ELEMENT_NODE || b->nprops == DAV_MAX_PROPS)
			continue;
		p = &b->props[b->nprops++];
		snprintf(p->ns, sizeof p->ns, "%s",
			 c->ns != NULL && c->ns->href != NULL ? (const char *)c->ns->href : "");
		snprintf(p->name, sizeof p->name, "%s", (const char *)c->name);
	}
}

/* The text of N, without surrounding blanks, into BUF. */
static void text_of(const xmlNode *n, char *buf, size_t len)
{
	xmlChar *t = xmlNodeGetContent(n);
	const char *s = t != NULL ? (const char *)t : "";
	size_t k;

	s += strspn(s, " \t\r\n");
	k = strlen(s);
	while (k > 0 && strchr(" \t\r\n", s[k - 1]) != NULL)
		k--;
	snprintf(buf, len, "%.*s", (int)k, s);
	xmlFree(t);
}

/* calendar-query's filter: which components it asks for (any named at any depth). */
static void read_filter(const xmlNode *n, struct dav_body *b)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (!is(c, DAV_NS_CALDAV, "comp-filter"))
			continue;
		xmlChar *name = xmlGetProp(c, (const xmlChar *)"name");
		if (name != NULL && strcmp((const char *)name, "VTODO") == 0)
			b->comp_todo = 1;
		if (name != NULL && strcmp((const char *)name, "VEVENT") == 0)
			b->comp_event = 1;
		xmlFree(name);
		read_filter(c, b);
	}
}

static int add_href(const xmlNode *n, struct dav_body *b)
{
	char buf[1024];
	char **more;

	if (b->nhrefs == DAV_MAX_HREFS)
		return 0;
	text_of(n, buf, sizeof buf);
	if ((b->nhrefs & (b->nhrefs - 1)) == 0) { /* 0, 1, 2, 4...: doubled */
		more = realloc(b->hrefs, sizeof *more * (b->nhrefs ? 2 * (size_t)b->nhrefs : 1));
		if (more == NULL)
			return -1;
		b->hrefs = more;
	}
	if ((b->hrefs[b->nhrefs] = strdup(buf)) == NULL)
		return -1;
	b->nhrefs++;
	return 0;
}

static int read_children(const xmlNode *root, struct dav_body *b, struct error *err)
{
	for (const xmlNode *c = root->children; c != NULL; c = c->next) {
		if (is(c, DAV_NS, "prop"))
			read_props(c, b);
		else if (is(c, DAV_NS, "allprop"))
			b->allprop = 1;
		else if (is(c, DAV_NS, "propname"))
			b->propname = 1;
		else if (is(c, DAV_NS, "sync-token"))
			text_of(c, b->sync_token, sizeof b->sync_token);
		else if (is(c, DAV_NS_CALDAV, "filter"))
			read_filter(c, b);
		else if (is(c, DAV_NS, "href") && add_href(c, b) == -1)
			return error_set(err, ERR_INTERNAL, "out of memory");
	}
	return 0;
}

static int read_root(const xmlNode *root, int propfind, struct dav_body *b, struct error *err)
{
	snprintf(b->report, sizeof b->report, "%s", (const char *)root->name);
	if (propfind) {
		if (!is(root, DAV_NS, "propfind"))
			return error_set(err, ERR_INVALID,
					 "a PROPFIND's body is a DAV:propfind, not «%s»",
					 b->report);
		b->kind = DAV_PROPFIND;
	} else if (is(root, DAV_NS_CALDAV, "calendar-query")) {
		b->kind = DAV_CALENDAR_QUERY;
	} else if (is(root, DAV_NS_CALDAV, "calendar-multiget")) {
		b->kind = DAV_MULTIGET;
	} else if (is(root, DAV_NS, "sync-collection")) {
		b->kind = DAV_SYNC;
	} else {
		b->kind = DAV_OTHER_REPORT;
	}
	if (read_children(root, b, err) == -1)
		return -1;
	if (b->kind == DAV_PROPFIND && b->nprops == 0 && !b->propname)
		b->allprop = 1;
	return 0;
}

int dav_xml_parse(const char *xml, size_t len, int propfind, struct dav_body *out,
		  struct error *err)
{
	xmlParserCtxtPtr p;
	xmlDocPtr doc;
	xmlNodePtr root;
	int rc = -1, doctype;

	memset(out, 0, sizeof *out);
	if (propfind && len == 0) {
		out->kind = DAV_PROPFIND;
		out->allprop = 1;
		return 0;
	}
	if (len > DAV_MAX_BODY)
		return error_set(err, ERR_TOO_LARGE, "the request is larger than %d bytes",
				 DAV_MAX_BODY);
	if ((p = xmlNewParserCtxt()) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	p->sax->internalSubset = no_doctype;
	p->_private = NULL;
	doc = xmlCtxtReadMemory(p, xml, (int)len, NULL, NULL,
				XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	doctype = p->_private != NULL;
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (doctype)
		error_set(err, ERR_BAD_FIELD, "the request's XML has a DOCTYPE: none is taken");
	else if (root == NULL || !p->wellFormed)
		error_set(err, ERR_BAD_FIELD, "the request is not well-formed XML");
	else if (too_deep(root, 1))
		error_set(err, ERR_BAD_FIELD, "the request's XML nests deeper than %d elements",
			  DAV_MAX_DEPTH);
	else
		rc = read_root(root, propfind, out, err);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(p);
	if (rc == -1)
		dav_body_free(out);
	return rc;
}

void dav_body_free(struct dav_body *b)
{
	for (int i = 0; i < b->nhrefs; i++)
		free(b->hrefs[i]);
	free(b->hrefs);
	b->hrefs = NULL;
	b->nhrefs = 0;
}

int dav_body_wants(const struct dav_body *b, const char *ns, const char *name)
{
	for (int i = 0; i < b->nprops; i++)
		if (strcmp(b->props[i].ns, ns) == 0 && strcmp(b->props[i].name, name) == 0)
			return 1;
	return 0;
}
