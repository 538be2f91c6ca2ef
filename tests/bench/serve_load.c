/* serve_load: evaluations per second through ratio serve's API, and the
 * latency of each, with C concurrent clients on loopback. Each client keeps
 * one HTTP/1.1 connection and sends the same POST one after another; the
 * run is bounded by a count per client and a deadline, and stops by itself.
 * Each client first connects and sends WARMUP requests that are not
 * counted, and the clients start counting together: what is measured is
 * the server at work, not 50 connections and threads starting at once.
 *
 * usage: serve_load PORT CLIENTS REQUESTS_PER_CLIENT BODY_FILE [PATH]
 * prints: "N requests, F failed, R req/s, p50 X ms, p99 Y ms, max Z ms" */
#define _DEFAULT_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define DEADLINE_S 60.0
#define WARMUP 5

typedef struct client {
  pthread_t t;
  int port, n, done, failed;
  const char *req;
  size_t req_len;
  double *lat; /* ms, one per request */
  double start;
  pthread_barrier_t *ready; /* every client warmed up */
  double *t0;               /* when counting began: set by the last to arrive */
} client;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int dial(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct timeval tv = {30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/* One response: its status (0 on a broken connection); the body is read
 * and dropped. */
static int read_response(int fd, char **buf, size_t *cap) {
  size_t len = 0;
  char *end = NULL;
  for (;;) {
    if (len + 4096 > *cap) *buf = realloc(*buf, *cap = *cap * 2 + 8192);
    ssize_t got = recv(fd, *buf + len, *cap - len - 1, 0);
    if (got <= 0) return 0;
    len += (size_t)got;
    (*buf)[len] = '\0';
    if ((end = strstr(*buf, "\r\n\r\n"))) break;
  }
  int status = atoi(*buf + 9);
  const char *cl = strstr(*buf, "\r\nContent-Length:");
  size_t body = cl ? strtoul(cl + 17, NULL, 10) : 0;
  size_t have = len - (size_t)(end + 4 - *buf);
  while (have < body) {
    ssize_t got = recv(fd, *buf, *cap - 1, 0);
    if (got <= 0) return 0;
    have += (size_t)got;
  }
  return status;
}

/* One request and its response: the status, 0 when the connection broke. */
static int exchange(client *c, int fd, char **buf, size_t *cap) {
  size_t off = 0;
  while (off < c->req_len) {
    ssize_t w = send(fd, c->req + off, c->req_len - off, MSG_NOSIGNAL);
    if (w <= 0) break;
    off += (size_t)w;
  }
  return off == c->req_len ? read_response(fd, buf, cap) : 0;
}

static void *run(void *arg) {
  client *c = arg;
  int fd = dial(c->port);
  size_t cap = 65536;
  char *buf = malloc(cap);
  for (int i = 0; i < WARMUP && fd >= 0; i++) exchange(c, fd, &buf, &cap);
  if (pthread_barrier_wait(c->ready) == PTHREAD_BARRIER_SERIAL_THREAD) *c->t0 = now();
  for (int i = 0; i < c->n && fd >= 0 && now() - c->start < DEADLINE_S; i++) {
    double t0 = now();
    int status = exchange(c, fd, &buf, &cap);
    c->lat[c->done++] = (now() - t0) * 1000;
    if (status != 200) {
      c->failed++;
      close(fd);
      fd = dial(c->port);
    }
  }
  if (fd >= 0) close(fd);
  free(buf);
  return NULL;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: serve_load PORT CLIENTS REQUESTS_PER_CLIENT BODY_FILE [PATH]\n");
    return 2;
  }
  int port = atoi(argv[1]), nc = atoi(argv[2]), per = atoi(argv[3]);
  const char *path = argc > 5 ? argv[5] : "/api/eval";
  FILE *f = fopen(argv[4], "rb");
  if (!f) {
    perror(argv[4]);
    return 2;
  }
  char body[65536];
  size_t blen = fread(body, 1, sizeof body, f);
  fclose(f);
  char *req = malloc(blen + 512);
  int hl = snprintf(req, 512,
                    "POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
                    "Content-Length: %zu\r\n\r\n",
                    path, port, blen);
  memcpy(req + hl, body, blen);
  client *cs = calloc((size_t)nc, sizeof *cs);
  pthread_barrier_t ready;
  pthread_barrier_init(&ready, NULL, (unsigned)nc);
  double t0 = now(), counted_from = t0;
  for (int i = 0; i < nc; i++) {
    cs[i] = (client){.port = port, .n = per, .req = req, .req_len = (size_t)hl + blen, .start = t0,
                     .ready = &ready, .t0 = &counted_from};
    cs[i].lat = calloc((size_t)per, sizeof *cs[i].lat);
    pthread_create(&cs[i].t, NULL, run, &cs[i]);
  }
  long total = 0, failed = 0;
  for (int i = 0; i < nc; i++) {
    pthread_join(cs[i].t, NULL);
    total += cs[i].done;
    failed += cs[i].failed;
  }
  double wall = now() - counted_from;
  pthread_barrier_destroy(&ready);
  double *all = calloc((size_t)total + 1, sizeof *all);
  long k = 0;
  for (int i = 0; i < nc; i++)
    for (int j = 0; j < cs[i].done; j++) all[k++] = cs[i].lat[j];
  qsort(all, (size_t)total, sizeof *all, cmp);
  double p50 = total ? all[total / 2] : 0, p99 = total ? all[(long)(total * 0.99)] : 0, mx = total ? all[total - 1] : 0;
  printf("%ld requests, %ld failed, %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", total, failed,
         total / wall, p50, p99, mx);
  return failed ? 1 : 0;
}
