/* bufpool: reply buffers reused between requests. */
#define _GNU_SOURCE /* fopencookie */
#include "bufpool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

struct bufpool {
  pthread_mutex_t mu;
  pooled_buf *free_list;
  int nfree, keep;
};

bufpool *bufpool_new(int keep) {
  bufpool *bp = xcalloc(1, sizeof *bp);
  pthread_mutex_init(&bp->mu, NULL);
  bp->keep = keep;
  return bp;
}

static void buf_free(pooled_buf *b) {
  free(b->data);
  free(b);
}

void bufpool_free(bufpool *bp) {
  if (!bp) return;
  for (pooled_buf *b = bp->free_list, *next; b; b = next) {
    next = b->next;
    buf_free(b);
  }
  pthread_mutex_destroy(&bp->mu);
  free(bp);
}

pooled_buf *bufpool_take(bufpool *bp) {
  pthread_mutex_lock(&bp->mu);
  pooled_buf *b = bp->free_list;
  if (b) {
    bp->free_list = b->next;
    bp->nfree--;
  }
  pthread_mutex_unlock(&bp->mu);
  if (!b) {
    b = xcalloc(1, sizeof *b);
    b->home = bp;
    b->cap = 16 << 10;
    b->data = xmalloc(b->cap);
  }
  b->len = 0;
  b->data[0] = '\0';
  b->next = NULL;
  return b;
}

void bufpool_give(pooled_buf *b) {
  if (!b) return;
  bufpool *bp = b->home;
  pthread_mutex_lock(&bp->mu);
  bool kept = bp->nfree < bp->keep;
  if (kept) {
    b->next = bp->free_list;
    bp->free_list = b;
    bp->nfree++;
  }
  pthread_mutex_unlock(&bp->mu);
  if (!kept) buf_free(b);
}

/* The stream's writes: appended, with room kept for a closing NUL. */
static ssize_t buf_write(void *cookie, const char *data, size_t n) {
  pooled_buf *b = cookie;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap * 2;
    while (cap < b->len + n + 1) cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
  }
  memcpy(b->data + b->len, data, n);
  b->len += n;
  b->data[b->len] = '\0';
  return (ssize_t)n;
}

FILE *bufpool_stream(pooled_buf *b) {
  FILE *f = fopencookie(b, "w", (cookie_io_functions_t){.write = buf_write});
  if (!f) die_oom(); /* it fails only when memory does */
  return f;
}
