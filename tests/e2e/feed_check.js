// Reads a qweekd feed with Mozilla's ical.js or with node-ical and prints what it saw, in the
// JSON form of feed_check.py parse, for feed_check.py compare.
//
//   node feed_check.js icaljs FILE.ics
//   node feed_check.js nodeical FILE.ics
//
// Run with TZ=UTC (node-ical gives whole days as local midnights).
'use strict';
const fs = require('fs');

function iso(d) {
	return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function icaljs(text) {
	const ICAL = require('ical.js');
	const root = new ICAL.Component(ICAL.parse(text));
	const out = { parser: 'ical.js', calname: root.getFirstPropertyValue('x-wr-calname'),
		tzids: [], events: {}, todos: {} };
	for (const vtz of root.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(vtz);
		out.tzids.push(vtz.getFirstPropertyValue('tzid'));
	}
	const when = (t) => {
		if (t.isDate)
			return t.toString();
		if (t.zone === ICAL.Timezone.localTimezone || t.zone == null)
			throw new Error('floating time ' + t.toString());
		return iso(new Date(t.toUnixTime() * 1000));
	};
	for (const c of root.getAllSubcomponents('vevent')) {
		const e = new ICAL.Event(c);
		out.events[e.uid] = { start: when(e.startDate), end: when(e.endDate),
			summary: e.summary, status: c.getFirstPropertyValue('status') || '',
			sequence: e.sequence, alarms: c.getAllSubcomponents('valarm').length };
	}
	for (const c of root.getAllSubcomponents('vtodo')) {
		out.todos[c.getFirstPropertyValue('uid')] = {
			due: when(c.getFirstPropertyValue('due')),
			summary: c.getFirstPropertyValue('summary'),
			status: c.getFirstPropertyValue('status') || '',
			sequence: c.getFirstPropertyValue('sequence'),
			alarms: c.getAllSubcomponents('valarm').length };
	}
	return out;
}

function nodeical(text) {
	const ical = require('node-ical');
	const data = ical.sync.parseICS(text);
	const out = { parser: 'node-ical', calname: '', tzids: [], events: {}, todos: {} };
	const when = (d) => {
		if (d.dateOnly)
			return iso(d).slice(0, 10);
		if (!d.tz)
			throw new Error('a time without a zone: ' + d);
		return iso(d);
	};
	for (const k of Object.keys(data)) {
		const c = data[k];
		if (c.type === 'VCALENDAR')
			out.calname = c['WR-CALNAME'] || '';
		else if (c.type === 'VTIMEZONE')
			out.tzids.push(c.tzid);
		else if (c.type === 'VEVENT')
			out.events[c.uid] = { start: when(c.start), end: when(c.end),
				summary: String(c.summary && c.summary.val !== undefined ? c.summary.val : c.summary),
				status: c.status || '', sequence: Number(c.sequence || 0) };
		else if (c.type === 'VTODO')
			out.todos[c.uid] = { due: when(c.due), summary: String(c.summary),
				status: c.status || '', sequence: Number(c.sequence || 0) };
	}
	return out;
}

const [, , which, file] = process.argv;
const text = fs.readFileSync(file, 'utf8');
const parsers = { icaljs, nodeical };
if (!parsers[which]) {
	console.error('usage: node feed_check.js icaljs|nodeical FILE.ics');
	process.exit(2);
}
process.stdout.write(JSON.stringify(parsers[which](text)));
