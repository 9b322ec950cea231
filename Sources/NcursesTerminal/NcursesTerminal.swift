// The NcursesTerminal module.
