/* Called by ping, calls nobody: not part of the cycle. */
int base(void) { return 0; }
