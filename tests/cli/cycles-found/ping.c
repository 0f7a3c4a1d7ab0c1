/* ping.c and pong.c call each other: a cycle check-cycles.sh must find. */
int pong(int n);
int ping(int n) { return n > 0 ? pong(n - 1) : 0; }
