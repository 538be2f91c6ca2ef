/* bufpool: buffers that outlive a request, reused from one reply to the
 * next.
 *
 * A reply of the serve API is about a hundred kilobytes of JSON. Made
 * fresh each time (a memory stream that doubles as it grows, then a copy
 * for the server), it cost more than deciding the row: the allocator maps
 * and unmaps pages of that size, and every first touch of a page faults.
 * A buffer taken from the pool keeps its capacity when it is given back,
 * so after the first few requests a reply is written into pages already
 * in use. The server sends a reply straight from its buffer and gives the
 * buffer back once the reply is sent. Safe to use from several threads. */
#ifndef RATIO_BUFPOOL_H
#define RATIO_BUFPOOL_H

#include <stddef.h>
#include <stdio.h>

typedef struct bufpool bufpool;

typedef struct pooled_buf {
  char *data; /* owned by the buffer; NUL-terminated after buf_stream's fclose */
  size_t len, cap;
  bufpool *home;            /* the pool it goes back to */
  struct pooled_buf *next;  /* in the pool's free list */
} pooled_buf;

/* A pool that keeps at most `keep` free buffers: more given back are freed,
 * so a burst of requests does not pin its memory for good. */
bufpool *bufpool_new(int keep);
/* Frees the pool and its free buffers; every taken buffer must be back. */
void bufpool_free(bufpool *bp);

/* An empty buffer (len 0), from the free list or new. */
pooled_buf *bufpool_take(bufpool *bp);
/* Back to its pool, emptied; NULL is fine. */
void bufpool_give(pooled_buf *b);

/* A stream that appends to b; fclose it before reading b->data. */
FILE *bufpool_stream(pooled_buf *b);

#endif
