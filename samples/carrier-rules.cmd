@echo off
rem carrier-rules for Windows: the same as `java -jar carrier-rules.jar`, from the folder of this script.
rem The jar is looked for in target\ under this folder (samples\ of a build), then in this folder
rem itself (the unzipped distribution); its libraries are in lib\ next to it, as its manifest says.
rem
rem The output is UTF-8 on every platform (JSON by the contract, text alike). A console with a
rem Chinese code page (GBK, 936) shows it garbled: run `chcp 65001` once in that window first, or
rem write the output to a file (carrier-rules assess ... > result.json) and open it as UTF-8, or use
rem Windows Terminal. The -D options make the JVM itself (its messages, and on JDK 19 and later
rem System.out) UTF-8 as well. This file is ASCII on purpose: cmd.exe reads a batch file in the
rem console's code page. JVM options in JAVA_OPTS come last and so win.
setlocal
set "jar=%~dp0target\carrier-rules.jar"
if not exist "%jar%" set "jar=%~dp0carrier-rules.jar"
if not exist "%jar%" (
  echo carrier-rules: %~dp0carrier-rules.jar is missing 1>&2
  exit /b 2
)
set "java=java"
if defined JAVA_HOME set "java=%JAVA_HOME%\bin\java"
"%java%" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 %JAVA_OPTS% -jar "%jar%" %*
exit /b %ERRORLEVEL%
