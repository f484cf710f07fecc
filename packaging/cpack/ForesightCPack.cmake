# CPack: the foresight .deb and the relocatable .tar.gz, from the install
# component "foresight" alone (packaging/CMakeLists.txt). Included from there
# after the install rules, so have_workbench / have_unit are known.
set(CPACK_PACKAGE_NAME foresight)
set(CPACK_PACKAGE_VENDOR "Foresight")
set(CPACK_PACKAGE_CONTACT "${FORESIGHT_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "forecasting MLOps workbench: desktop app, CLI and scoring service")
set(CPACK_PACKAGE_DESCRIPTION
  "Foresight loads dated business figures (sales exports, delimited files, SQL
queries), fits and backtests forecasting models (ETS, ARIMA, Theta, calendar
regression, ensembles), compares a champion with challengers and keeps them in
a model registry on SQLite or PostgreSQL.
.
This package holds the desktop workbench (foresight-workbench), the command
line tool for CI pipelines (foresight) and the REST scoring service
(foresight serve, with a systemd unit).")
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_STRIP_FILES ON)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake)

# Only the "foresight" component, packed as one package per generator.
set(CPACK_COMPONENTS_ALL ${component})
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_PACKAGE_NAME foresight)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends on shared libraries: computed by dpkg-shlibdeps from the binaries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What dpkg-shlibdeps cannot see, because Qt loads it as a plugin at run time:
# - libqt6sql6-sqlite: the SQLite driver of the default model registry;
#   without it every registry command fails.
set(deb_depends libqt6sql6-sqlite)
# - libqt6svg6: the SVG icon engine the workbench draws its icons with; listed
#   here only when the workbench does not link QtSvg (then shlibdeps has it).
if(have_workbench AND TARGET foresight_ui)
  get_target_property(ui_links foresight_ui LINK_LIBRARIES)
  if(NOT "Qt6::Svg" IN_LIST ui_links)
    list(APPEND deb_depends libqt6svg6)
  endif()
endif()
list(JOIN deb_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# - libqt6sql6-psql: the PostgreSQL driver, for a shared team registry only.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS libqt6sql6-psql)

# Maintainer scripts exist for the systemd unit only; /etc/foresight's file
# is a conffile so that upgrades keep local edits and purge deletes it.
set(control_extra)
if(have_unit)
  foreach(script postinst prerm postrm)
    list(APPEND control_extra ${CMAKE_CURRENT_LIST_DIR}/deb/${script})
  endforeach()
endif()
if(EXISTS ${unit_conf})
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/deb/conffiles "/etc/foresight/foresight-serve.conf\n")
  list(APPEND control_extra ${CMAKE_CURRENT_BINARY_DIR}/deb/conffiles)
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${control_extra}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

# `package_source` packs the sources without build trees or git metadata.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/" "/demo-output/")

include(CPack)
