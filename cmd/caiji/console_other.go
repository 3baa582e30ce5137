//go:build !windows

package main

// redirectToConsoleBuild reports false: outside Windows every program has
// its terminal, so the subcommands run as they are.
func redirectToConsoleBuild() bool { return false }
