// The feedback mode "jgrad": JShell's "normal" mode, except that values are echoed whole (no "..."), so
// `var x = randn(100)` prints all 100 numbers, as print(x) does. A startup script cannot make it (JShell sets
// up its feedback modes after the startup scripts run), so ./jgrad shell runs these commands in a short
// jshell first, which keeps the mode in JShell's preferences, and then starts jshell with --feedback jgrad.
/set mode -delete -retain jgrad
/set mode jgrad normal -command
/set truncation jgrad 2000000
/set mode -retain jgrad
