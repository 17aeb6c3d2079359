/* py_ops.h — mtpy's handlers, written once against mt.h and compiled once
 * per mode (py_interp.c, py_trace.c, py_resume.c).
 *
 * The including function provides the greens `code` and `pc`, the red
 * `frame`, `insn` = &code->insns[pc], a red `result` and the labels
 * `error` (an exception was raised at pc: unwind, adding pc to the
 * traceback), `unwind` (the same without the traceback entry: a re-raise),
 * `return_to_c` (the frame C entered returns `result`) and `yield_to_c`
 * (a generator's frame gives `result` to the C code resuming it).  Stack slots
 * and locals are at offsets the pc alone fixes, so every frame access is
 * at a green offset (docs/python.md). */
#define BASE (code->nlocals + code->nfree)
#define AT(h) PY_SLOT(BASE + (h))                /* stack slot at height h */
#define ST(k) AT(insn->top - (k))                /* k-th from the top, before */
#define LOCAL(i) PY_SLOT(i)
#define GET(off) MT_LOAD_FRAME_PTR(frame, off)
#define PUT(off, v) MT_STORE_FRAME_PTR(frame, off, v)
#define FIELD(f) offsetof(py_frame, f)
#define WORD(p) MT_PTR_AS_INT(p)
#define IS_NULL(p) MT_IS_ZERO(WORD(p))
#define IS_SMALL(p) MT_IS_NONZERO(MT_AND(WORD(p), MT_CONST(1)))
#define BOTH_SMALL(a, b) MT_IS_NONZERO(MT_AND(MT_AND(WORD(a), WORD(b)), MT_CONST(1)))
#define BOOL(cond) ((cond) ? MT_CONST_PTR(py_true) : MT_CONST_PTR(py_false))
/* p, an object (no small int), is of exactly type t */
#define TYPE_IS(p, t) MT_IS_NONZERO(MT_EQ(WORD(MT_LOAD_PTR(p, offsetof(py_obj, type))), WORD(MT_CONST_PTR(t))))
#define IS_FLOAT(p) (!IS_SMALL(p) && TYPE_IS(p, &py_float_type))
/* The small int of x (2x + 1), or the int object when x needs more than
 * 63 bits. */
#define INT_FROM_I64(x) ({ mt_int x_ = (x), w_; \
    MT_ADD_OV(x_, x_, &w_) ? MT_INT_AS_PTR(MT_ADD(w_, MT_CONST(1))) \
                           : MT_CALL_PTR(py_int_from_i64, MT_EFFECT_NONE, x_); })
/* &items[i], for a pointer array */
#define ITEM_AT(items, i) MT_INT_AS_PTR(MT_ADD(WORD(items), MT_SHL(i, MT_CONST(3))))
/* A list's item at the small int index `key` (negative from the end):
 * its address in *at, or false when key is no index into it. */
#define LIST_ITEM(list, key, at) ({ \
    mt_int i_ = MT_SAR(WORD(key), MT_CONST(1)), n_ = MT_LOAD_INT(list, offsetof(py_list, length)); \
    if (MT_IS_NONZERO(MT_LT(i_, MT_CONST(0)))) \
        i_ = MT_ADD(i_, n_); \
    bool in_ = MT_IN_RANGE(i_, n_); \
    if (in_) \
        *(at) = ITEM_AT(MT_LOAD_PTR(list, offsetof(py_list, items)), i_); \
    in_; })
#define CHECK(p) do { if (IS_NULL(p)) goto error; } while (0)
#define CHECK_INT(i) do { if (MT_IS_NONZERO(MT_LT(i, MT_CONST(0)))) goto error; } while (0)
/* Ctrl-C came (py_interrupted): KeyboardInterrupt.  Compiled code reads
 * the flag every time too (a volatile load and a guard). */
#define CHECK_INTERRUPT() do { \
    if (MT_IS_NONZERO(MT_LOAD_VOLATILE_U8(MT_CONST_PTR(&py_interrupted), MT_CONST(0)))) { \
        MT_CALL_VOID(py_op_interrupt, MT_EFFECT_WRITES_HEAP, MT_CONST(0)); \
        goto error; \
    } } while (0)
switch ((py_opcode)insn->op) {
case PY_NOP:
case PY_POP_TOP:
    pc++;
    break;
case PY_COPY:
    PUT(AT(insn->top), GET(ST(insn->arg)));
    pc++;
    break;
case PY_SWAP: {
    mt_ptr top = GET(ST(1)), other = GET(ST(insn->arg));
    PUT(ST(1), other);
    PUT(ST(insn->arg), top);
    pc++;
    break;
}
case PY_LOAD_CONST:
    PUT(AT(insn->top), MT_CONST_PTR(insn->cache));
    pc++;
    break;
case PY_LOAD_FAST: {
    mt_ptr v = GET(LOCAL(insn->arg));
    if (IS_NULL(v)) {
        MT_CALL_VOID(py_op_unbound_local, MT_EFFECT_NONE, MT_CONST_PTR(code), MT_CONST(insn->arg));
        goto error;
    }
    PUT(AT(insn->top), v);
    pc++;
    break;
}
case PY_STORE_FAST:
    PUT(LOCAL(insn->arg), GET(ST(1)));
    pc++;
    break;
case PY_DELETE_FAST:
    if (IS_NULL(GET(LOCAL(insn->arg)))) {
        MT_CALL_VOID(py_op_unbound_local, MT_EFFECT_NONE, MT_CONST_PTR(code), MT_CONST(insn->arg));
        goto error;
    }
    PUT(LOCAL(insn->arg), MT_CONST_PTR(NULL));
    pc++;
    break;
case PY_MAKE_CELL: {
    /* a virtual object while the trace keeps it to itself */
    mt_ptr cell = MT_NEW(sizeof(py_cell));
    MT_STORE_PTR(cell, offsetof(py_obj, type), MT_CONST_PTR(&py_cell_type));
    MT_STORE_PTR(cell, offsetof(py_cell, value), GET(LOCAL(insn->arg)));
    PUT(LOCAL(insn->arg), cell);
    pc++;
    break;
}
case PY_LOAD_DEREF: {
    mt_ptr v = MT_LOAD_PTR(GET(LOCAL(insn->arg)), offsetof(py_cell, value));
    if (IS_NULL(v)) {
        MT_CALL_VOID(py_op_unbound_free, MT_EFFECT_NONE, MT_CONST_PTR(code), MT_CONST(insn->arg));
        goto error;
    }
    PUT(AT(insn->top), v);
    pc++;
    break;
}
case PY_STORE_DEREF:
    MT_STORE_PTR(GET(LOCAL(insn->arg)), offsetof(py_cell, value), GET(ST(1)));
    pc++;
    break;
case PY_DELETE_DEREF: {
    mt_ptr cell = GET(LOCAL(insn->arg));
    if (IS_NULL(MT_LOAD_PTR(cell, offsetof(py_cell, value)))) {
        MT_CALL_VOID(py_op_unbound_free, MT_EFFECT_NONE, MT_CONST_PTR(code), MT_CONST(insn->arg));
        goto error;
    }
    MT_STORE_PTR(cell, offsetof(py_cell, value), MT_CONST_PTR(NULL));
    pc++;
    break;
}
case PY_LOAD_CLOSURE:
    PUT(AT(insn->top), GET(LOCAL(insn->arg)));
    pc++;
    break;
case PY_LOAD_GLOBAL: {
    /* quasi-immutable: a trace has the value as a constant */
    const py_global_ref *ref = insn->cache;
    mt_ptr v = MT_QUASI_PTR(&ref->global->cell);
    if (IS_NULL(v) && ref->builtin)
        v = MT_QUASI_PTR(&ref->builtin->cell);
    if (IS_NULL(v)) {
        MT_CALL_VOID(py_op_name_error, MT_EFFECT_NONE, MT_CONST_PTR(code->names[insn->arg]));
        goto error;
    }
    PUT(AT(insn->top), v);
    pc++;
    break;
}
case PY_STORE_GLOBAL:
    MT_QUASI_SET_PTR(&((py_global *)insn->cache)->cell, GET(ST(1)));
    pc++;
    break;
case PY_DELETE_GLOBAL: {
    py_global *g = insn->cache;
    if (IS_NULL(MT_QUASI_PTR(&g->cell))) {
        MT_CALL_VOID(py_op_name_error, MT_EFFECT_NONE, MT_CONST_PTR(code->names[insn->arg]));
        goto error;
    }
    MT_QUASI_SET_PTR(&g->cell, MT_CONST_PTR(NULL));
    pc++;
    break;
}
case PY_LOAD_ATTR: {
    mt_ptr r = MT_CALL_PTR(py_op_getattr, MT_EFFECT_REENTERS, GET(ST(1)),
                           MT_CONST_PTR(code->names[insn->arg]));
    CHECK(r);
    PUT(ST(1), r);
    pc++;
    break;
}
case PY_STORE_ATTR:
case PY_DELETE_ATTR: {
    mt_ptr value = insn->op == PY_STORE_ATTR ? GET(ST(2)) : MT_CONST_PTR(NULL);
    CHECK_INT(MT_CALL_INT(py_op_setattr, MT_EFFECT_REENTERS, GET(ST(1)),
                          MT_CONST_PTR(code->names[insn->arg]), value));
    pc++;
    break;
}
case PY_BINARY:
case PY_INPLACE: {
    /* small ints inline (tagged: 2n + 1); everything else is a call */
    mt_ptr a = GET(ST(2)), b = GET(ST(1)), r = MT_CONST_PTR(NULL);
    mt_int x = WORD(a), y = WORD(b), w;
    bool done = false;
    if (BOTH_SMALL(a, b)) {
        switch (insn->arg) {
        case PY_OP_ADD: /* (2a+1) + (2b+1) - 1: overflows just when a + b does */
            if ((done = MT_ADD_OV(MT_SUB(x, MT_CONST(1)), y, &w)))
                r = MT_INT_AS_PTR(w);
            break;
        case PY_OP_SUB:
            if ((done = MT_SUB_OV(x, y, &w)))
                r = MT_INT_AS_PTR(MT_ADD(w, MT_CONST(1)));
            break;
        case PY_OP_MUL: /* a * 2b, plus the tag */
            if ((done = MT_MUL_OV(MT_SAR(x, MT_CONST(1)), MT_SUB(y, MT_CONST(1)), &w)))
                r = MT_INT_AS_PTR(MT_ADD(w, MT_CONST(1)));
            break;
        case PY_OP_AND:
            r = MT_INT_AS_PTR(MT_AND(x, y));
            done = true;
            break;
        case PY_OP_OR:
            r = MT_INT_AS_PTR(MT_OR(x, y));
            done = true;
            break;
        case PY_OP_XOR:
            r = MT_INT_AS_PTR(MT_OR(MT_XOR(x, y), MT_CONST(1)));
            done = true;
            break;
        default:
            break;
        }
    }
    /* a float and a float or small int, for an operator floats have (+=
     * and + are then the same: floats have no in-place slots): a call
     * that runs no Python code, so frame stores stay delayed across it */
    if (!done && insn->arg <= PY_OP_POW && (IS_FLOAT(a) ? IS_SMALL(b) || IS_FLOAT(b) : IS_SMALL(a) && IS_FLOAT(b))) {
        r = MT_CALL_PTR(py_op_float_binary, MT_EFFECT_CAN_RAISE, a, b, MT_CONST(insn->arg));
        CHECK(r);
        done = true;
    }
    if (!done) {
        r = insn->op == PY_BINARY ? MT_CALL_PTR(py_op_binary, MT_EFFECT_REENTERS, a, b, MT_CONST(insn->arg))
                                  : MT_CALL_PTR(py_op_inplace, MT_EFFECT_REENTERS, a, b, MT_CONST(insn->arg));
        CHECK(r);
    }
    PUT(ST(2), r);
    pc++;
    break;
}
case PY_UNARY_NOT: {
    mt_ptr v = GET(ST(1));
    mt_int t;
    if (IS_SMALL(v))
        t = MT_NE(WORD(v), MT_CONST(1)); /* 1 is the word of 0 */
    else
        t = MT_CALL_INT(py_op_truth, MT_EFFECT_REENTERS, v);
    CHECK_INT(t);
    PUT(ST(1), BOOL(MT_IS_ZERO(t)));
    pc++;
    break;
}
case PY_UNARY_NEG:
case PY_UNARY_POS:
case PY_UNARY_INVERT: {
    mt_ptr v = GET(ST(1)), r = MT_CONST_PTR(NULL);
    mt_int w;
    bool done = false;
    if (insn->op == PY_UNARY_NEG && IS_SMALL(v)) { /* -(2a+1) + 2 */
        if ((done = MT_SUB_OV(MT_CONST(2), WORD(v), &w)))
            r = MT_INT_AS_PTR(w);
    }
    if (!done && IS_FLOAT(v)) {
        r = MT_CALL_PTR(py_op_float_unary, MT_EFFECT_CAN_RAISE, v, MT_CONST(insn->op));
        CHECK(r);
        done = true;
    }
    if (!done) {
        r = MT_CALL_PTR(py_op_unary, MT_EFFECT_REENTERS, v, MT_CONST(insn->op));
        CHECK(r);
    }
    PUT(ST(1), r);
    pc++;
    break;
}
case PY_COMPARE: {
    mt_ptr a = GET(ST(2)), b = GET(ST(1)), r;
    if (BOTH_SMALL(a, b)) { /* tagging keeps the order */
        mt_int x = WORD(a), y = WORD(b), c = MT_CONST(0);
        switch (insn->arg) {
        case PY_LT: c = MT_LT(x, y); break;
        case PY_LE: c = MT_LE(x, y); break;
        case PY_EQ: c = MT_EQ(x, y); break;
        case PY_NE: c = MT_NE(x, y); break;
        case PY_GT: c = MT_LT(y, x); break;
        case PY_GE: c = MT_LE(y, x); break;
        }
        r = BOOL(MT_IS_NONZERO(c));
    } else if (IS_FLOAT(a) ? IS_SMALL(b) || IS_FLOAT(b) : IS_SMALL(a) && IS_FLOAT(b)) {
        /* exact, never raising, and True or False: a pure function */
        r = MT_CALL_PTR(py_op_float_compare, MT_EFFECT_ELIDABLE, a, b, MT_CONST(insn->arg));
    } else {
        r = MT_CALL_PTR(py_op_compare, MT_EFFECT_REENTERS, a, b, MT_CONST(insn->arg));
        CHECK(r);
    }
    PUT(ST(2), r);
    pc++;
    break;
}
case PY_IS: {
    bool same = MT_IS_NONZERO(MT_EQ(WORD(GET(ST(2))), WORD(GET(ST(1)))));
    PUT(ST(2), BOOL(same != (insn->arg != 0)));
    pc++;
    break;
}
case PY_CONTAINS: {
    mt_ptr r = MT_CALL_PTR(py_op_contains, MT_EFFECT_REENTERS, GET(ST(2)), GET(ST(1)), MT_CONST(insn->arg));
    CHECK(r);
    PUT(ST(2), r);
    pc++;
    break;
}
case PY_SUBSCR: { /* a list's or a tuple's item at a small int index inline */
    mt_ptr v = GET(ST(2)), key = GET(ST(1)), at, r;
    if (!IS_SMALL(v) && IS_SMALL(key) && TYPE_IS(v, &py_list_type) && LIST_ITEM(v, key, &at)) {
        r = MT_LOAD_PTR(at, 0);
    } else if (!IS_SMALL(v) && IS_SMALL(key) && TYPE_IS(v, &py_tuple_type) &&
               MT_IN_RANGE(MT_SAR(WORD(key), MT_CONST(1)), MT_LOAD_INT(v, offsetof(py_tuple, length)))) {
        r = MT_LOAD_PTR(ITEM_AT(v, MT_SAR(WORD(key), MT_CONST(1))), offsetof(py_tuple, items));
    } else {
        r = MT_CALL_PTR(py_getitem, MT_EFFECT_REENTERS, v, key);
        CHECK(r);
    }
    PUT(ST(2), r);
    pc++;
    break;
}
case PY_STORE_SUBSCR: { /* a list's item at a small int index inline */
    mt_ptr v = GET(ST(2)), key = GET(ST(1)), at;
    if (!IS_SMALL(v) && IS_SMALL(key) && TYPE_IS(v, &py_list_type) && LIST_ITEM(v, key, &at))
        MT_STORE_PTR(at, 0, GET(ST(3)));
    else
        CHECK_INT(MT_CALL_INT(py_op_setitem, MT_EFFECT_REENTERS, v, key, GET(ST(3))));
    pc++;
    break;
}
case PY_DELETE_SUBSCR:
    CHECK_INT(MT_CALL_INT(py_op_delitem, MT_EFFECT_REENTERS, GET(ST(2)), GET(ST(1))));
    pc++;
    break;
case PY_BUILD_TUPLE:
case PY_BUILD_LIST:
case PY_BUILD_SET:
case PY_BUILD_STRING: {
    mt_ptr r = MT_CALL_PTR(py_op_build, MT_EFFECT_REENTERS, frame, MT_CONST(BASE + insn->top - insn->arg),
                           MT_CONST(insn->arg), MT_CONST(insn->op));
    CHECK(r);
    PUT(AT(insn->top - insn->arg), r);
    pc++;
    break;
}
case PY_BUILD_MAP: {
    mt_ptr r = MT_CALL_PTR(py_op_build_map, MT_EFFECT_REENTERS, frame,
                           MT_CONST(BASE + insn->top - 2 * insn->arg), MT_CONST(insn->arg));
    CHECK(r);
    PUT(AT(insn->top - 2 * insn->arg), r);
    pc++;
    break;
}
case PY_BUILD_SLICE: {
    mt_ptr step = insn->arg == 3 ? GET(ST(1)) : MT_CONST_PTR(py_none);
    mt_ptr r = MT_CALL_PTR(py_op_build_slice, MT_EFFECT_NONE, GET(ST(insn->arg)), GET(ST(insn->arg - 1)), step);
    CHECK(r);
    PUT(ST(insn->arg), r);
    pc++;
    break;
}
case PY_LIST_APPEND:
case PY_SET_ADD:
case PY_LIST_EXTEND:
case PY_SET_UPDATE:
case PY_DICT_UPDATE:
    CHECK_INT(MT_CALL_INT(py_op_container_add, MT_EFFECT_REENTERS, GET(ST(insn->arg + 1)), GET(ST(1)),
                          MT_CONST(insn->op)));
    pc++;
    break;
case PY_DICT_MERGE: /* f(..., **x): the stack has f, the positional tuple, the dict, x */
    CHECK_INT(MT_CALL_INT(py_op_dict_merge, MT_EFFECT_REENTERS, GET(ST(insn->arg + 3)),
                          GET(ST(insn->arg + 1)), GET(ST(1))));
    pc++;
    break;
case PY_MAP_ADD:
    CHECK_INT(MT_CALL_INT(py_op_map_add, MT_EFFECT_REENTERS, GET(ST(insn->arg + 2)), GET(ST(2)), GET(ST(1))));
    pc++;
    break;
case PY_LIST_TO_TUPLE: {
    mt_ptr r = MT_CALL_PTR(py_op_list_to_tuple, MT_EFFECT_READS_HEAP, GET(ST(1)));
    CHECK(r);
    PUT(ST(1), r);
    pc++;
    break;
}
case PY_FORMAT_VALUE: {
    bool spec = insn->arg & 0x100;
    mt_ptr r = MT_CALL_PTR(py_op_format, MT_EFFECT_REENTERS, GET(ST(spec ? 2 : 1)),
                           spec ? GET(ST(1)) : MT_CONST_PTR(NULL), MT_CONST(insn->arg & 0xff));
    CHECK(r);
    PUT(ST(spec ? 2 : 1), r);
    pc++;
    break;
}
case PY_JUMP:
    pc = (size_t)insn->arg;
    break;
case PY_JUMP_BACK:
    CHECK_INTERRUPT();
    pc = (size_t)insn->arg; /* a loop header */
    MT_CAN_ENTER_JIT(py_jit, PY_GREENS, PY_REDS);
    break;
case PY_JUMP_IF_FALSE:
case PY_JUMP_IF_TRUE:
case PY_JUMP_IF_FALSE_OR_POP:
case PY_JUMP_IF_TRUE_OR_POP: {
    mt_ptr v = GET(ST(1));
    mt_int t;
    if (IS_SMALL(v))
        t = MT_NE(WORD(v), MT_CONST(1));
    else if (MT_IS_NONZERO(MT_EQ(WORD(v), WORD(MT_CONST_PTR(py_true)))))
        t = MT_CONST(1);
    else if (MT_IS_NONZERO(MT_EQ(WORD(v), WORD(MT_CONST_PTR(py_false)))))
        t = MT_CONST(0);
    else
        t = MT_CALL_INT(py_op_truth, MT_EFFECT_REENTERS, v);
    CHECK_INT(t);
    bool on_true = insn->op == PY_JUMP_IF_TRUE || insn->op == PY_JUMP_IF_TRUE_OR_POP;
    pc = MT_IS_NONZERO(t) == on_true ? (size_t)insn->arg : pc + 1;
    break;
}
case PY_GET_ITER: {
    mt_ptr r = MT_CALL_PTR(py_iter, MT_EFFECT_REENTERS, GET(ST(1)));
    CHECK(r);
    PUT(ST(1), r);
    pc++;
    break;
}
case PY_FOR_ITER: {
    mt_ptr it = GET(ST(1));
    if (TYPE_IS(it, &py_range_iterator_type)) { /* range_iterator_next, inline */
        mt_int left = MT_LOAD_INT(it, offsetof(py_range_iterator, remaining));
        if (MT_IS_NONZERO(MT_LE(left, MT_CONST(0)))) {
            pc = (size_t)insn->arg;
            break;
        }
        mt_int x = MT_LOAD_INT(it, offsetof(py_range_iterator, next));
        MT_STORE_INT(it, offsetof(py_range_iterator, remaining), MT_SUB(left, MT_CONST(1)));
        MT_STORE_INT(it, offsetof(py_range_iterator, next),
                     MT_ADD(x, MT_LOAD_INT(it, offsetof(py_range_iterator, step))));
        PUT(AT(insn->top), INT_FROM_I64(x));
        pc++;
        break;
    }
    mt_ptr item = MT_CALL_PTR(py_op_next, MT_EFFECT_REENTERS, it);
    CHECK(item);
    if (MT_IS_NONZERO(MT_EQ(WORD(item), WORD(MT_CONST_PTR(&py_stop_iteration))))) {
        pc = (size_t)insn->arg;
    } else {
        PUT(AT(insn->top), item);
        pc++;
    }
    break;
}
case PY_UNPACK:
case PY_UNPACK_STARRED:
    CHECK_INT(MT_CALL_INT(py_op_unpack, MT_EFFECT_REENTERS, frame, MT_CONST(BASE + insn->top - 1), GET(ST(1)),
                          MT_CONST(insn->arg), MT_CONST(insn->op == PY_UNPACK_STARRED)));
    pc++;
    break;
case PY_CALL:
case PY_CALL_KW: {
    bool kw = insn->op == PY_CALL_KW;
    uint32_t nargs = (uint32_t)insn->arg, first = insn->top - nargs - kw; /* the callee's height */
    mt_ptr callee = GET(AT(first - 1));
    if (!IS_SMALL(callee) && TYPE_IS(callee, &py_function_type)) {
        /* a Python function: its frame, then the interpreter goes on in it */
        const py_code *callee_code = MT_PROMOTE_PTR(MT_LOAD_PTR(callee, offsetof(py_function, code)));
        mt_ptr callee_frame;
        if (!(callee_code->flags & PY_CO_GENERATOR) && (callee_code->flags & PY_CO_SIMPLE_ARGS) && !kw &&
            nargs == callee_code->nargs) {
            mt_int depth = MT_ADD(MT_LOAD_FRAME_INT(frame, FIELD(depth)), MT_CONST(1));
            if (MT_IS_NONZERO(MT_LT(MT_QUASI_INT(&py_depth_limit), depth))) {
                MT_CALL_VOID(py_op_recursion_error, MT_EFFECT_NONE, depth);
                goto error;
            }
            callee_frame = MT_NEW(sizeof(py_frame) + 8 * callee_code->nslots);
            MT_STORE_FRAME_PTR(callee_frame, offsetof(py_obj, type), MT_CONST_PTR(&py_frame_type));
            MT_STORE_FRAME_PTR(callee_frame, FIELD(ret_code), MT_CONST_PTR(code));
            MT_STORE_FRAME_INT(callee_frame, FIELD(ret_pc), MT_CONST(pc + 1));
            MT_STORE_FRAME_PTR(callee_frame, FIELD(back), frame);
            MT_STORE_FRAME_INT(callee_frame, FIELD(depth), depth);
            MT_STORE_FRAME_PTR(callee_frame, FIELD(code), MT_CONST_PTR(callee_code));
            MT_STORE_FRAME_PTR(callee_frame, FIELD(func), callee);
            for (uint32_t i = 0; i < nargs; i++)
                MT_STORE_FRAME_PTR(callee_frame, PY_SLOT(i), GET(AT(first + i)));
            if (callee_code->nfree) {
                mt_ptr closure = MT_LOAD_PTR(callee, offsetof(py_function, closure));
                for (uint32_t i = 0; i < callee_code->nfree; i++)
                    MT_STORE_FRAME_PTR(callee_frame, PY_SLOT(callee_code->nlocals + i),
                                       MT_LOAD_PTR(closure, offsetof(py_tuple, items) + 8 * i));
            }
        } else if (!(callee_code->flags & PY_CO_GENERATOR)) {
            callee_frame = MT_CALL_PTR(py_op_bind, MT_EFFECT_REENTERS, frame, MT_CONST(BASE + first - 1),
                                       MT_CONST(nargs), kw ? GET(ST(1)) : MT_CONST_PTR(NULL),
                                       MT_CONST_PTR(code), MT_CONST(pc + 1));
            CHECK(callee_frame);
        } else {
            goto generic_call;
        }
        CHECK_INTERRUPT();
        code = callee_code;
        pc = 0;
        frame = callee_frame;
        MT_ENTER_FUNCTION(py_jit, PY_GREENS, PY_REDS);
        break;
    }
generic_call:
    /* len() of a list, a tuple or a str: its length field */
    if (nargs == 1 && !kw && !IS_SMALL(callee) && TYPE_IS(callee, &py_builtin_type) &&
        ((const py_method_def *)MT_PROMOTE_PTR(MT_LOAD_PTR(callee, offsetof(py_builtin, def))))->fn == py_builtin_len) {
        mt_ptr arg = GET(AT(first));
        int64_t at = -1; /* where the object keeps its length */
        if (!IS_SMALL(arg)) {
            if (TYPE_IS(arg, &py_list_type))
                at = offsetof(py_list, length);
            else if (TYPE_IS(arg, &py_tuple_type))
                at = offsetof(py_tuple, length);
            else if (TYPE_IS(arg, &py_str_type))
                at = offsetof(py_str, length);
        }
        if (at >= 0) {
            mt_int n = MT_LOAD_INT(arg, at);
            PUT(AT(first - 1), MT_INT_AS_PTR(MT_ADD(MT_ADD(n, n), MT_CONST(1))));
            pc++;
            break;
        }
    }
    {
    mt_ptr r = MT_CALL_PTR(py_op_call, MT_EFFECT_REENTERS, frame, MT_CONST(BASE + first - 1), MT_CONST(nargs),
                           kw ? GET(ST(1)) : MT_CONST_PTR(NULL));
    CHECK(r);
    PUT(AT(first - 1), r);
    pc++;
    break;
}
}
case PY_CALL_EX: {
    uint32_t kw = (uint32_t)insn->arg;
    mt_ptr r = MT_CALL_PTR(py_op_call_ex, MT_EFFECT_REENTERS, frame, GET(ST(2 + kw)), GET(ST(1 + kw)),
                           kw ? GET(ST(1)) : MT_CONST_PTR(NULL));
    CHECK(r);
    PUT(ST(2 + kw), r);
    pc++;
    break;
}
case PY_MAKE_FUNCTION: {
    int k = 2; /* the code is on top; the others below it, in flag order */
    mt_ptr closure = MT_CONST_PTR(NULL), kwdefaults = MT_CONST_PTR(NULL), defaults = MT_CONST_PTR(NULL);
    if (insn->arg & PY_FN_CLOSURE)
        closure = GET(ST(k++));
    if (insn->arg & PY_FN_KWDEFAULTS)
        kwdefaults = GET(ST(k++));
    if (insn->arg & PY_FN_DEFAULTS)
        defaults = GET(ST(k++));
    mt_ptr r = MT_CALL_PTR(py_op_make_function, MT_EFFECT_NONE, GET(ST(1)), defaults, kwdefaults, closure);
    CHECK(r);
    PUT(ST(k - 1), r);
    pc++;
    break;
}
case PY_RETURN: {
    result = GET(ST(1));
    const py_code *ret_code = MT_PROMOTE_PTR(MT_LOAD_FRAME_PTR(frame, FIELD(ret_code)));
    if (!ret_code)
        goto return_to_c;
    size_t ret_pc = (size_t)MT_PROMOTE_INT(MT_LOAD_FRAME_INT(frame, FIELD(ret_pc)));
    const py_insn *call = &ret_code->insns[ret_pc - 1];
    int64_t slot = ret_code->nlocals + ret_code->nfree + call->top + py_stack_effect(call->op, call->arg) - 1;
    mt_ptr back = MT_LOAD_FRAME_PTR(frame, FIELD(back));
    MT_STORE_FRAME_PTR(back, PY_SLOT(slot), result);
    code = ret_code;
    pc = ret_pc;
    frame = back;
    MT_LEAVE_FUNCTION(py_jit, PY_GREENS, PY_REDS);
    break;
}
case PY_YIELD_VALUE: /* generators run in a frame C resumes */
    result = GET(ST(1));
    goto yield_to_c;
case PY_RAISE: /* 1 for a re-raise, which makes no new traceback entry */
    if (MT_IS_NONZERO(MT_CALL_INT(py_op_raise, MT_EFFECT_REENTERS, frame,
                                  insn->arg >= 1 ? GET(ST(insn->arg)) : MT_CONST_PTR(NULL),
                                  insn->arg == 2 ? GET(ST(1)) : MT_CONST_PTR(NULL), MT_CONST(insn->arg))))
        goto unwind;
    goto error;
case PY_RERAISE:
    MT_CALL_INT(py_op_reraise, MT_EFFECT_WRITES_HEAP, GET(ST(1)));
    goto unwind;
case PY_PUSH_EXC_INFO: {
    mt_ptr exc = GET(ST(1));
    PUT(ST(1), MT_LOAD_FRAME_PTR(frame, FIELD(handled)));
    PUT(AT(insn->top), exc);
    MT_STORE_FRAME_PTR(frame, FIELD(handled), exc);
    pc++;
    break;
}
case PY_POP_EXCEPT:
    MT_STORE_FRAME_PTR(frame, FIELD(handled), GET(ST(1)));
    pc++;
    break;
case PY_CHECK_EXC_MATCH: {
    mt_int match = MT_CALL_INT(py_op_exc_match, MT_EFFECT_REENTERS, GET(ST(2)), GET(ST(1)));
    CHECK_INT(match);
    PUT(ST(1), BOOL(MT_IS_NONZERO(match)));
    pc++;
    break;
}
case PY_LOAD_ASSERTION_ERROR:
    PUT(AT(insn->top), MT_CONST_PTR(&py_exc_AssertionError));
    pc++;
    break;
case PY_IMPORT_NAME: {
    mt_ptr r = MT_CALL_PTR(py_op_import, MT_EFFECT_REENTERS, MT_CONST_PTR(code->names[insn->arg]));
    CHECK(r);
    PUT(AT(insn->top), r);
    pc++;
    break;
}
case PY_UNWIND: /* an exception handed over at lasti, its traceback entry made */
    pc = (size_t)MT_PROMOTE_INT(MT_LOAD_FRAME_INT(frame, FIELD(lasti)));
    insn = &code->insns[pc];
    goto unwind;
case PY_OPCODE_COUNT:
    break;
}
#undef BASE
#undef AT
#undef ST
#undef LOCAL
#undef GET
#undef PUT
#undef FIELD
#undef WORD
#undef IS_NULL
#undef IS_SMALL
#undef BOTH_SMALL
#undef BOOL
#undef CHECK
#undef CHECK_INT
