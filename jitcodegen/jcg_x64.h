/* jcg_x64.h — the native backend's quick tier: traces straight to x86-64
 * machine code, in microseconds, for gcc to improve on later (see
 * jcg_x64.c).  Only on x86-64 with System V calls. */
#ifndef JCG_X64_H
#define JCG_X64_H

#include "jcg_gccjit.h"

#if defined(__x86_64__) && defined(__linux__)
#define JCG_HAVE_X64 1
#else
#define JCG_HAVE_X64 0
#endif

/* Set by quick code whose run count ran out (code->hot_flag is set too):
 * the backend looks for the codes at its next safe point. */
extern volatile uint8_t jcg_quick_hot;

#if JCG_HAVE_X64
/* Emit the quick code of code->trace into code->quick: false with a
 * reason if it cannot take the trace (gcc can still). */
bool jcg_x64_emit(jcg_code *code, jcg_checks checks, char *err, size_t errsize);
/* Unmap code->quick (nothing runs it any more). */
void jcg_x64_release(jcg_code *code);
#else
static inline bool jcg_x64_emit(jcg_code *code, jcg_checks checks, char *err, size_t errsize)
{
    (void)code, (void)checks;
    snprintf(err, errsize, "no quick tier on this machine");
    return false;
}
static inline void jcg_x64_release(jcg_code *code) { (void)code; }
#endif

#endif
