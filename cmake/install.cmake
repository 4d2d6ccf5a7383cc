# What is installed besides the binaries, and the Debian package (cpack -G DEB).
#   cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DQWEEK_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr
#   cmake --build build-deb -j2 && (cd build-deb && cpack -G DEB)     → build-deb/qweek_*.deb
include(GNUInstallDirs)

# ---- manual pages: man/*.scd → roff (scdoc) → .gz; qweek(1)'s commands from cli/cmd.c ----------
find_program(SCDOC scdoc)
if(NOT SCDOC)
  message(FATAL_ERROR "scdoc is needed for the manual pages: apt-get install scdoc")
endif()
add_executable(qweek_docgen man/qweek_docgen.c)
target_link_libraries(qweek_docgen PRIVATE qweek_cli)
set(QWEEK_MAN_DIR ${CMAKE_BINARY_DIR}/man)
file(MAKE_DIRECTORY ${QWEEK_MAN_DIR})
# The docgen runs at build time: a sanitized build must not fail it over a leak report.
set(QWEEK_DOCGEN ${CMAKE_COMMAND} -E env LC_ALL=C ASAN_OPTIONS=detect_leaks=0
    $<TARGET_FILE:qweek_docgen>)
add_custom_command(
  OUTPUT ${QWEEK_MAN_DIR}/qweek.1.scd
  COMMAND ${QWEEK_DOCGEN} scd ${CMAKE_SOURCE_DIR}/man/qweek.1.scd ${QWEEK_MAN_DIR}/qweek.1.scd
  DEPENDS qweek_docgen ${CMAKE_SOURCE_DIR}/man/qweek.1.scd
  COMMENT "qweek(1): the commands from cli/cmd.c" VERBATIM)
set(QWEEK_MAN_PAGES)
foreach(page qweek.1 qweekd.8 qweekd.conf.5)
  if(page STREQUAL "qweek.1")
    set(src ${QWEEK_MAN_DIR}/qweek.1.scd)
  else()
    set(src ${CMAKE_SOURCE_DIR}/man/${page}.scd)
  endif()
  add_custom_command(
    OUTPUT ${QWEEK_MAN_DIR}/${page} ${QWEEK_MAN_DIR}/${page}.gz
    COMMAND ${CMAKE_COMMAND} -DSCDOC=${SCDOC} -DIN=${src} -DOUT=${QWEEK_MAN_DIR}/${page}
            -P ${CMAKE_SOURCE_DIR}/cmake/scdoc.cmake
    DEPENDS ${src} ${CMAKE_SOURCE_DIR}/cmake/scdoc.cmake
    COMMENT "Manual page ${page}" VERBATIM)
  string(REGEX MATCH "[0-9]$" section ${page})
  install(FILES ${QWEEK_MAN_DIR}/${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
  list(APPEND QWEEK_MAN_PAGES ${QWEEK_MAN_DIR}/${page}.gz)
endforeach()

# ---- bash completion: the tables from cli/cmd.c, then contrib/completion/qweek.bash ------------
set(QWEEK_COMPLETION ${CMAKE_BINARY_DIR}/completion/qweek)
add_custom_command(
  OUTPUT ${QWEEK_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/completion
  COMMAND ${QWEEK_DOCGEN} bash ${CMAKE_SOURCE_DIR}/contrib/completion/qweek.bash
          ${QWEEK_COMPLETION}
  DEPENDS qweek_docgen ${CMAKE_SOURCE_DIR}/contrib/completion/qweek.bash
  COMMENT "bash completion of qweek" VERBATIM)
add_custom_target(qweek_docs ALL DEPENDS ${QWEEK_MAN_PAGES} ${QWEEK_COMPLETION})
install(FILES ${QWEEK_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# ---- systemd: the units with this build's paths, the sysusers file, the configuration -----------
set(QWEEK_UNIT_DIR ${CMAKE_BINARY_DIR}/systemd)
foreach(unit qweekd.service qweekd.socket)
  add_custom_command(
    OUTPUT ${QWEEK_UNIT_DIR}/${unit}
    COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/contrib/systemd/${unit}
            -DOUT=${QWEEK_UNIT_DIR}/${unit} -DPREFIX=${CMAKE_INSTALL_PREFIX}
            -DBINDIR=${CMAKE_INSTALL_FULL_BINDIR} -DSYSCONFDIR=${CMAKE_INSTALL_FULL_SYSCONFDIR}
            -P ${CMAKE_SOURCE_DIR}/cmake/systemd_unit.cmake
    DEPENDS ${CMAKE_SOURCE_DIR}/contrib/systemd/${unit} ${CMAKE_SOURCE_DIR}/cmake/systemd_unit.cmake
    VERBATIM)
  list(APPEND QWEEK_UNITS ${QWEEK_UNIT_DIR}/${unit})
endforeach()
add_custom_target(qweek_units ALL DEPENDS ${QWEEK_UNITS})
# lib/systemd/system and lib/sysusers.d under the prefix: /usr/lib/... for the package (Debian 12
# is merged-/usr), /usr/local/lib/... for a local install; systemd looks in both.
install(FILES ${QWEEK_UNITS} DESTINATION lib/systemd/system)
install(FILES contrib/systemd/qweek.sysusers DESTINATION lib/sysusers.d RENAME qweek.conf)
install(FILES data/qweekd.example.ini DESTINATION ${CMAKE_INSTALL_SYSCONFDIR}/qweek
        RENAME qweekd.conf)
install(FILES README.md docs/api.md docs/architecture.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES contrib/systemd/qweek-backup.service contrib/systemd/qweek-backup.timer
              contrib/nginx/qweek.conf
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# ---- the Debian package --------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME qweek)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "qweek maintainers <qweek@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "plans and tracks a social-services institution's Quality Week")
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "plans and tracks a social-services institution's Quality Week\n"
  "qweekd holds the plans of a Quality Week (activities, dates, deadlines, who is\n"
  "responsible, what is done) in one SQLite file and serves them: an HTTP/JSON API for\n"
  "the qweek command-line client, calendar feeds, the director's status page and staff\n"
  "pages for phones; it sends reminders by mail or a command.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Besides the libraries dpkg-shlibdeps finds: the locales the messages are chosen by (gettext),
# the time zones plans live in, the sysusers and tmpfiles tools of the maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "locales, tzdata, systemd")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion, man-db")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
configure_file(${CMAKE_SOURCE_DIR}/packaging/deb/postinst.in ${CMAKE_BINARY_DIR}/deb/postinst
               @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
               GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
file(WRITE ${CMAKE_BINARY_DIR}/deb/conffiles "${CMAKE_INSTALL_FULL_SYSCONFDIR}/qweek/qweekd.conf\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_BINARY_DIR}/deb/postinst
    ${CMAKE_BINARY_DIR}/deb/conffiles)
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "cpack -G DEB will install under ${CMAKE_INSTALL_PREFIX}: a Debian package "
                 "wants -DCMAKE_INSTALL_PREFIX=/usr")
endif()
include(CPack)
