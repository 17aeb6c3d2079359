/* py_types.c — setting up the builtin types (GMP through the collector,
 * the text hooks the number parser reports errors with, the class and
 * static methods), and reversed(), which dispatches over them.
 */
#include "config.h"

#include "py_types.h"
#include "py_unicode.h"

static char *ascii_number(const char *s, size_t size, size_t *result_size)
{
    py_text t = py_str_to_ascii_number(s, size);
    *result_size = t.size;
    return t.data;
}

static char *str_repr(const char *s, size_t size, size_t *result_size)
{
    py_text t = py_str_repr(s, size);
    *result_size = t.size;
    return t.data;
}

void py_types_init(void)
{
    py_number_init();
    py_number_set_text_hooks(ascii_number, str_repr);
    py_type_add_builtin(&py_dict_type, &py_dict_fromkeys_def, true);
    py_type_add_builtin(&py_str_type, &py_str_maketrans_def, true);
    py_type_add_builtin(&py_int_type, &py_int_from_bytes_def, true);
    py_type_add_builtin(&py_bool_type, &py_int_from_bytes_def, true);
}

/* ---- reversed() ------------------------------------------------------------------- */

/* reversed(seq) for any sequence with len() and [i]: seq[len-1] ... seq[0]. */
typedef struct reversed_iterator {
    py_obj head;
    py_val seq; /* NULL once exhausted */
    int64_t index;
} reversed_iterator;

static py_val reversed_next(py_val v)
{
    reversed_iterator *it = (reversed_iterator *)v;
    if (!it->seq || it->index < 0) {
        it->seq = NULL;
        return NULL;
    }
    py_val item = py_getitem(it->seq, py_small(it->index--));
    if (!item && (py_err_matches(&py_exc_IndexError) || py_err_matches(&py_exc_StopIteration))) {
        py_err_take();
        it->seq = NULL;
    }
    return item;
}

static py_val iterator_self(py_val v) { return v; }

static py_type reversed_type = {
    .head = {&py_type_type}, .name = "reversed", .iter = iterator_self, .next = reversed_next,
};

py_val py_reversed(py_val seq)
{
    const py_type *t = py_type_of(seq);
    if (t == &py_list_type)
        return py_list_reversed((py_list *)seq);
    if (t == &py_range_type)
        return py_range_reversed(seq);
    if (t == &py_dict_type || py_is_dict_view(seq))
        return py_dict_reversed(seq);
    if (!t->len || !t->getitem || t == &py_set_type || t == &py_frozenset_type)
        return py_err_format(&py_exc_TypeError, "'%s' object is not reversible", t->name);
    int64_t n = py_len(seq);
    if (n < 0)
        return NULL;
    reversed_iterator *it = mt_alloc(sizeof *it);
    it->head.type = &reversed_type;
    it->seq = seq;
    it->index = n - 1;
    return (py_val)it;
}
