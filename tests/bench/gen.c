/* gen: deterministic fact patterns for the benchmark workload.
 *
 * usage: gen ROWS SEED > rows.csv
 *
 * The columns and the probability of each value follow the peer
 * benchmark's generator; the random numbers are our own (splitmix64), so
 * the same ROWS and SEED always give the same bytes on any machine. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t next(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static double uniform(uint64_t *s) { return (double)(next(s) >> 11) * 0x1.0p-53; }

static const char *yes_no(uint64_t *s, double p) { return uniform(s) < p ? "yes" : "no"; }

typedef struct { const char *value; double cum; } choice;

static const char *pick(uint64_t *s, const choice *t) {
  double x = uniform(s);
  for (; t->cum < 1.0; t++)
    if (x < t->cum) return t->value;
  return t->value;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fputs("usage: gen ROWS SEED > rows.csv\n", stderr);
    return 2;
  }
  long rows = strtol(argv[1], NULL, 10);
  uint64_t s = strtoull(argv[2], NULL, 10);
  if (rows < 0 || rows > 100000000) {
    fputs("gen: ROWS must be between 0 and 100000000\n", stderr);
    return 2;
  }
  static const choice interest[] = {{"liberty", 0.55}, {"property", 0.75}, {"life", 0.90}, {"none", 1.0}};
  static const choice status[] = {{"prisoner", 0.50}, {"detainee", 0.70}, {"free", 1.0}};
  static const choice remedy[] = {{"adequate", 0.50}, {"barred", 0.80}, {"none", 1.0}};
  static char buf[1 << 16];
  setvbuf(stdout, buf, _IOFBF, sizeof buf);
  puts("id,state_actor,interest,harm,status,actual_notice,known_violent,"
       "conscious_disregard,intent_to_harm,opportunity,remedy,random_unauthorized");
  for (long i = 0; i < rows; i++) {
    const char *sa = yes_no(&s, 0.90), *in = pick(&s, interest), *ha = yes_no(&s, 0.85);
    const char *st = pick(&s, status), *an = yes_no(&s, 0.50), *kv = yes_no(&s, 0.40);
    const char *cd = yes_no(&s, 0.30), *ith = yes_no(&s, 0.08), *op = yes_no(&s, 0.50);
    const char *re = pick(&s, remedy), *ru = yes_no(&s, 0.70);
    printf("h%06ld,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", i, sa, in, ha, st, an, kv, cd, ith, op, re, ru);
  }
  return ferror(stdout) ? 1 : 0;
}
