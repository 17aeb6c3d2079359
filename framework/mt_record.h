/* mt_record.h — driving the recorder: start a trace, declare its inputs,
 * mark instruction boundaries, close the loop.  (The operations themselves
 * are recorded by the trace-mode macros of mt.h.) */
#ifndef MT_RECORD_H
#define MT_RECORD_H

#include "mt_ir.h"

void mt_recorder_start(mt_trace *trace);
mt_ref mt_recorder_input(mt_irtype type, uint32_t slot);
/* An interpreter instruction starts: greens and red refs at its start. */
void mt_recorder_instruction(const int64_t *greens, uint32_t ngreens, const mt_ref *reds,
                             uint32_t nreds);
/* Close the loop: jump back to the trace's start with these values. */
void mt_recorder_jump(const mt_ref *args, uint32_t nargs);

#endif
