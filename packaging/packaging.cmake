# Installation layout and installer packages (CPack), included by the top-level CMakeLists.
# Linux: DEB and RPM with the .desktop file, AppStream metainfo, hicolor icons, man pages and
# the license. Windows (NSIS) and macOS (app bundle in a DMG) are configured here and built by
# the hosted CI matrix; nothing of them runs on the Linux build.

set(stepwatch_packaging_dir ${CMAKE_CURRENT_LIST_DIR})

# The icon in every size and format a platform wants, rendered from the one SVG at build time.
qt_add_executable(stepwatch-rendericon ${stepwatch_packaging_dir}/tools/rendericon.cpp)
target_link_libraries(stepwatch-rendericon PRIVATE Qt6::Gui Qt6::Svg stepwatch_compile_options)
set(stepwatch_icon_svg ${PROJECT_SOURCE_DIR}/resources/icons/stepwatch.svg)
function(stepwatch_render_icon out size)
    get_filename_component(dir ${out} DIRECTORY)
    add_custom_command(OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
                $<TARGET_FILE:stepwatch-rendericon> ${stepwatch_icon_svg} ${size} ${out}
        DEPENDS stepwatch-rendericon ${stepwatch_icon_svg}
        COMMENT "Rendering ${out}" VERBATIM)
endfunction()

if(UNIX AND NOT APPLE)
    set(stepwatch_icon_pngs)
    foreach(size IN ITEMS 16 24 32 48 64 128 256)
        set(png ${CMAKE_BINARY_DIR}/icons/${size}/${STEPWATCH_APP_ID}.png)
        stepwatch_render_icon(${png} ${size})
        list(APPEND stepwatch_icon_pngs ${png})
        install(FILES ${png}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()

    # Man pages with the project's version, compressed as Debian policy asks (-n: no time
    # stamp, so the package is reproducible).
    set(stepwatch_man_pages)
    foreach(page IN ITEMS stepwatch stepwatch-cli stepwatch-sim)
        configure_file(${stepwatch_packaging_dir}/man/${page}.1.in
            ${CMAKE_BINARY_DIR}/man/${page}.1 @ONLY)
        set(gz ${CMAKE_BINARY_DIR}/man/${page}.1.gz)
        add_custom_command(OUTPUT ${gz}
            COMMAND gzip -9n -c ${CMAKE_BINARY_DIR}/man/${page}.1 > ${gz}
            DEPENDS ${CMAKE_BINARY_DIR}/man/${page}.1
            COMMENT "Compressing ${page}.1")
        list(APPEND stepwatch_man_pages ${gz})
    endforeach()
    add_custom_target(stepwatch_desktop_files ALL DEPENDS ${stepwatch_icon_pngs} ${stepwatch_man_pages})
    install(FILES ${stepwatch_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

    install(FILES ${stepwatch_packaging_dir}/linux/${STEPWATCH_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${stepwatch_packaging_dir}/linux/${STEPWATCH_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${stepwatch_icon_svg}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${STEPWATCH_APP_ID}.svg)
    # Debian keeps the license as /usr/share/doc/<package>/copyright.
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/stepwatch
        RENAME copyright)
elseif(WIN32)
    # Qt writes .ico itself (its ico image plugin); the installer and the executable use it.
    set(stepwatch_ico ${CMAKE_BINARY_DIR}/icons/stepwatch.ico)
    stepwatch_render_icon(${stepwatch_ico} 256)
    add_custom_target(stepwatch_windows_icon ALL DEPENDS ${stepwatch_ico})
    set(CPACK_NSIS_MUI_ICON ${stepwatch_ico})
    set(CPACK_NSIS_MUI_UNIICON ${stepwatch_ico})
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION .)
elseif(APPLE)
    # An .icns from an iconset, with the system's iconutil.
    set(iconset ${CMAKE_BINARY_DIR}/stepwatch.iconset)
    set(iconset_pngs)
    foreach(size IN ITEMS 16 32 128 256 512)
        math(EXPR double "${size} * 2")
        stepwatch_render_icon(${iconset}/icon_${size}x${size}.png ${size})
        stepwatch_render_icon(${iconset}/icon_${size}x${size}@2x.png ${double})
        list(APPEND iconset_pngs ${iconset}/icon_${size}x${size}.png
            ${iconset}/icon_${size}x${size}@2x.png)
    endforeach()
    set(stepwatch_icns ${CMAKE_BINARY_DIR}/stepwatch.icns)
    add_custom_command(OUTPUT ${stepwatch_icns}
        COMMAND iconutil -c icns -o ${stepwatch_icns} ${iconset}
        DEPENDS ${iconset_pngs} VERBATIM)
    target_sources(stepwatch PRIVATE ${stepwatch_icns})
    set_source_files_properties(${stepwatch_icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION .)
endif()

# Windows and macOS: the Qt runtime goes next to the executables. qt_generate_deploy_app_script
# exists from Qt 6.3 but only deploys on Windows and macOS, and its options settled in 6.5.
if((WIN32 OR APPLE) AND Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET stepwatch
        OUTPUT_SCRIPT stepwatch_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${stepwatch_deploy_script})
endif()
if(APPLE)
    set_target_properties(stepwatch PROPERTIES
        MACOSX_BUNDLE_BUNDLE_NAME Stepwatch
        MACOSX_BUNDLE_GUI_IDENTIFIER ${STEPWATCH_APP_ID}
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_ICON_FILE stepwatch.icns
        MACOSX_BUNDLE_INFO_PLIST ${stepwatch_packaging_dir}/macos/Info.plist.in)
endif()

set(CPACK_PACKAGE_NAME stepwatch)
set(CPACK_PACKAGE_VENDOR "The Stepwatch developers")
set(CPACK_PACKAGE_CONTACT "The Stepwatch developers <stepwatch@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop dashboard for AWS workflows")
set(CPACK_PACKAGE_DESCRIPTION
    "Stepwatch watches Migration Hub Orchestrator migrations, Customer Profiles workflows, EC2 \
Image Builder workflow executions and CodeCatalyst workflow runs: status at a glance, step \
trees, execution timelines, and one-click retries of failed steps. Includes stepwatch-cli and \
the stepwatch-sim simulator.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/stepwatch/stepwatch")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Stepwatch)
set(CPACK_PACKAGE_EXECUTABLES stepwatch Stepwatch)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/" "/\\\\.git/")

# DEB: shared-library dependencies from dpkg-shlibdeps, plus what no scanner sees: the SVG
# icon engine and image plugins (libqt6svg6) that Qt loads at run time.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
# Wayland sessions run it natively with qt6-wayland (XWayland otherwise); Qt's own dialogs are
# translated by qt6-translations-l10n.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
# RPM: requirements found by rpmbuild's autoreq, plus the SVG plugin package.
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "Apache-2.0")
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtsvg")
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
    /usr/share/man /usr/share/man/man1 /usr/share/doc)
# NSIS (Windows): a Start-menu entry and an uninstaller; no file associations.
set(CPACK_NSIS_DISPLAY_NAME Stepwatch)
set(CPACK_NSIS_PACKAGE_NAME Stepwatch)
set(CPACK_NSIS_INSTALLED_ICON_NAME bin/stepwatch.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_URL_INFO_ABOUT ${CPACK_PACKAGE_HOMEPAGE_URL})
# DragNDrop (macOS): the bundle in a DMG.
set(CPACK_DMG_VOLUME_NAME Stepwatch)
if(NOT CPACK_GENERATOR)
    if(WIN32)
        set(CPACK_GENERATOR NSIS)
    elseif(APPLE)
        set(CPACK_GENERATOR DragNDrop)
    else()
        set(CPACK_GENERATOR "DEB;RPM")
    endif()
endif()
if(UNIX AND NOT APPLE)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
endif()
include(CPack)

# The packaging test: builds both packages from this build and checks them (see the script).
if(STEPWATCH_BUILD_TESTS AND UNIX AND NOT APPLE)
    find_program(STEPWATCH_DPKG_DEB dpkg-deb)
    find_program(STEPWATCH_RPMBUILD rpmbuild)
    if(STEPWATCH_DPKG_DEB AND STEPWATCH_RPMBUILD)
        add_test(NAME packaging
            COMMAND ${stepwatch_packaging_dir}/test-packages.sh ${CMAKE_BINARY_DIR})
        set_tests_properties(packaging PROPERTIES TIMEOUT 600 RUN_SERIAL TRUE)
    endif()
endif()
