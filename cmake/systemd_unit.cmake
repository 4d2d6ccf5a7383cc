# cmake -DIN=contrib/systemd/qweekd.service -DOUT=... -DPREFIX=/usr -DBINDIR=/usr/bin
#       -DSYSCONFDIR=/etc -P systemd_unit.cmake
# The unit as installed: the binaries and documents where this build puts them, and the
# packaged configuration file (/etc/qweek/qweekd.conf) read.
file(READ ${IN} text)
string(REPLACE "/usr/local/bin/" "${BINDIR}/" text "${text}")
string(REPLACE "/usr/local/share/" "${PREFIX}/share/" text "${text}")
string(REPLACE "qweekd --foreground\n" "qweekd --foreground --config ${SYSCONFDIR}/qweek/qweekd.conf\n"
       text "${text}")
string(REPLACE "Documentation=file://" "Documentation=man:qweekd(8) man:qweekd.conf(5) file://"
       text "${text}")
file(WRITE ${OUT} "${text}")
