# Per-generator CPack settings: cpack reads this once for each generator.
if(CPACK_GENERATOR STREQUAL "DEB")
  # Install into the staging tree through DESTDIR with the real prefix /usr,
  # so the install-time rule for /etc/foresight (GNUInstallDirs: prefix /usr
  # means /etc, not /usr/etc) sees /usr rather than a staging path.
  set(CPACK_SET_DESTDIR ON)
  set(CPACK_INSTALL_PREFIX /usr)
elseif(CPACK_GENERATOR STREQUAL "TGZ")
  # The archive unpacks into foresight-<version>-Linux/{bin,share,...}.
  set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)
  set(CPACK_COMPONENT_INCLUDE_TOPLEVEL_DIRECTORY ON)
endif()
