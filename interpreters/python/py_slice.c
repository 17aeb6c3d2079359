/* py_slice.c — slice objects: slice(stop) / slice(start, stop[, step]),
 * repr, comparison as (start, stop, step) tuples, the start/stop/step
 * attributes and indices(length).  (Sequences read slices through
 * py_slice_positions in py_seq.c.)
 */
#include "config.h"

#include <string.h>

#include "py_types.h"

py_val py_slice_new(py_val start, py_val stop, py_val step)
{
    py_slice *s = mt_alloc(sizeof *s);
    s->head.type = &py_slice_type;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return (py_val)s;
}

static py_val slice_repr(py_val v)
{
    py_slice *s = (py_slice *)v;
    py_str_builder sb;
    py_sb_init(&sb, 24);
    py_sb_cstr(&sb, "slice(");
    if (!py_sb_repr(&sb, s->start))
        return NULL;
    py_sb_cstr(&sb, ", ");
    if (!py_sb_repr(&sb, s->stop))
        return NULL;
    py_sb_cstr(&sb, ", ");
    if (!py_sb_repr(&sb, s->step))
        return NULL;
    py_sb_cstr(&sb, ")");
    return (py_val)py_sb_finish(&sb);
}

static py_val as_tuple(const py_slice *s) { return (py_val)py_tuple_from((py_val[]){s->start, s->stop, s->step}, 3); }

static py_val slice_compare(py_val a, py_val b, py_compare_op op)
{
    if (py_type_of(b) != &py_slice_type)
        return py_not_implemented;
    return py_compare(as_tuple((py_slice *)a), as_tuple((py_slice *)b), op);
}

static py_val slice_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    if (!py_args_count("slice", nargs, kwnames, 1, 3))
        return NULL;
    if (nargs == 1)
        return py_slice_new(py_none, args[0], py_none);
    return py_slice_new(args[0], args[1], nargs == 3 ? args[2] : py_none);
}

static py_val slice_getattr(py_val v, py_str *name)
{
    py_slice *s = (py_slice *)v;
    if (!strcmp(name->data, "start"))
        return s->start;
    if (!strcmp(name->data, "stop"))
        return s->stop;
    if (!strcmp(name->data, "step"))
        return s->step;
    return NULL;
}

/* slice.indices(length): (start, stop, step) clipped to a sequence of length. */
static py_val slice_indices(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    int64_t length, start, stop, step;
    if (!py_args_one("slice.indices", nargs, kwnames) || py_index(args[0], &length) < 0)
        return NULL;
    if (length < 0)
        return py_err_format(&py_exc_ValueError, "length should not be negative");
    if (!py_slice_unpack((py_slice *)self, &start, &stop, &step))
        return NULL;
    py_slice_adjust(length, &start, &stop, step);
    return (py_val)py_tuple_from((py_val[]){py_int_from_i64(start), py_int_from_i64(stop), py_int_from_i64(step)}, 3);
}

static const py_method_def slice_methods[] = {
    {"indices", slice_indices},
    {NULL, NULL},
};

py_type py_slice_type = {
    .head = {&py_type_type}, .name = "slice", .repr = slice_repr, .compare = slice_compare,
    .getattr = slice_getattr, .new = slice_new, .methods = slice_methods,
};
