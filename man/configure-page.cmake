# cmake -D IN=PAGE.in -D OUT=PAGE -D DATADIR=... -D LIBEXECDIR=... -D SYSCONFDIR=... -P configure-page.cmake
# Gives a translated manual page, written by po4a at build time, the install
# paths of this build, as configure_file gives them to the English pages;
# and the coding line man-db, groff and mandoc read (po4a drops it).  Also
# undoes what po4a does to the source that roff sees differently: trailing
# blanks after some macros, two blanks for a sentence end (roff wants a
# new line there, or it does not space sentences), and an escaped date.
set(CMAKE_INSTALL_FULL_DATADIR "${DATADIR}")
set(CMAKE_INSTALL_FULL_LIBEXECDIR "${LIBEXECDIR}")
set(CMAKE_INSTALL_FULL_SYSCONFDIR "${SYSCONFDIR}")
file(READ "${IN}" page)
string(REGEX REPLACE "[ \t]+\n" "\n" page "${page}")
# Only in text lines: a line that starts with a dot is a macro or a comment.
set(before "")
while(NOT before STREQUAL page)
  set(before "${page}")
  string(REGEX REPLACE "(\n[^.'\n][^\n]*[.!?])  +([^ \n])" "\\1\n\\2" page "${page}")
endwhile()
string(REGEX REPLACE "(\n\\.TH [^\n]* )([0-9]+)\\\\-([0-9]+)\\\\-([0-9]+) " "\\1\\2-\\3-\\4 " page "${page}")
string(CONFIGURE ".\\\" -*- coding: UTF-8 -*-\n${page}" page @ONLY)
file(WRITE "${OUT}" "${page}")
