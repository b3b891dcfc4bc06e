@echo off
rem The `dropline` command of an installed Dropline: the app binary in its
rem windowless CLI mode (--cli); the RunAsNode fuse is off.
"%~dp0..\..\Dropline.exe" --cli %*
exit /b %ERRORLEVEL%
