# SMTPCHECK_BUILD_WEB=OFF: build the agent without Emscripten or node. The
# widget page `smtpcheck serve` embeds is made by scripts/build-web from the
# WebAssembly core; a native-only build embeds a prebuilt page when
# SMTPCHECK_WEB_DIR holds one, and otherwise a one-page placeholder that says
# so (probe, check, explain and the serve API work the same).
if(SMTPCHECK_BUILD_WEB)
  return()
endif()
set(smtpcheck_page_dir ${PROJECT_SOURCE_DIR}/build/web)
if(SMTPCHECK_WEB_DIR)
  set(smtpcheck_page_dir ${SMTPCHECK_WEB_DIR})
endif()
if(EXISTS ${smtpcheck_page_dir}/index.html)
  message(STATUS "Native-only build: embedding the prebuilt page in ${smtpcheck_page_dir}")
  return()
endif()
set(smtpcheck_placeholder ${CMAKE_BINARY_DIR}/web-placeholder)
file(WRITE ${smtpcheck_placeholder}/index.html.new [=[<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>smtpcheck agent</title></head>
<body><h1>smtpcheck agent</h1>
<p>This agent was built without its checker page (a native-only build).
The command line works as usual: <code>smtpcheck probe --help</code>.</p>
</body></html>
]=])
file(COPY_FILE ${smtpcheck_placeholder}/index.html.new ${smtpcheck_placeholder}/index.html
     ONLY_IF_DIFFERENT)
file(REMOVE ${smtpcheck_placeholder}/index.html.new)
message(STATUS "Native-only build: no widget page at ${smtpcheck_page_dir}; embedding a placeholder")
set(SMTPCHECK_WEB_DIR ${smtpcheck_placeholder} CACHE PATH
    "The assembled widget page that smtpcheck serve embeds (made by scripts/build-web)" FORCE)
