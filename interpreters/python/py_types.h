/* py_types.h — what the builtin types' files (py_str*.c, py_int.c,
 * py_float.c, py_tuple.c, py_list*.c, py_dict*.c, py_set.c, py_range.c,
 * py_slice.c, py_bytes.c, py_builtin.c, py_seq.c) share and nobody else
 * needs: object layouts, a str builder, int conversions, index and slice
 * arithmetic, and the guard against repr() of a container inside itself.
 */
#ifndef PY_TYPES_H
#define PY_TYPES_H

#include "py.h"
#include "py_number.h"

/* ---- object layouts ---------------------------------------------------------- */

/* An int outside the small range (its value never fits py_small). */
typedef struct py_long {
    py_obj head;
    py_int value;
} py_long;

typedef struct py_bytes {
    py_obj head;
    int64_t size;
    int64_t hash; /* -1: not computed yet */
    char data[];  /* NUL-terminated past size */
} py_bytes;

typedef struct py_range {
    py_obj head;
    py_val start, stop, step, length; /* ints; step != 0 */
} py_range;

/* The iterator of a range whose items fit int64: FOR_ITER steps it
 * inline (py_ops.h). */
typedef struct py_range_iterator {
    py_obj head;
    int64_t next, step, remaining;
} py_range_iterator;
extern py_type py_range_iterator_type;

typedef struct py_slice {
    py_obj head;
    py_val start, stop, step; /* any objects, None when not given */
} py_slice;

/* A dict: entries in insertion order (a deleted one keeps its place with
 * key NULL until the table is rebuilt) and an open-addressing index
 * table over them, probed as CPython probes. */
typedef struct py_dict_entry {
    int64_t hash;
    py_val key, value;
} py_dict_entry;

struct py_dict {
    py_obj head;
    int64_t used;      /* live entries */
    int64_t nentries;  /* entries written, deleted ones included */
    int64_t usable;    /* entries the index table has room for */
    int64_t mask;      /* index table size - 1 */
    int32_t *indices;  /* per slot: an entry, or PY_DICT_EMPTY / PY_DICT_DELETED */
    py_dict_entry *entries;
};
enum { PY_DICT_EMPTY = -1, PY_DICT_DELETED = -2 };

/* A builtin function (self NULL) or a method bound to self. */
typedef struct py_builtin {
    py_obj head;
    const py_method_def *def;
    py_val self;
} py_builtin;
/* len(), which traces do inline for lists, tuples and strs (py_ops.h). */
py_val py_builtin_len(py_val self, py_val *args, size_t nargs, py_tuple *kwnames);

/* ---- ints ------------------------------------------------------------------------ */

/* Whether v is an int or a bool. */
static inline bool py_is_int(py_val v)
{
    return py_is_small(v) || v->type == &py_int_type || v->type == &py_bool_type;
}
/* Raise the exception py_number reported; NULL. */
void *py_raise_number_error(const py_num_error *err);
/* The result of a comparison whose operands order as `order`. */
py_val py_order_result(py_order order, py_compare_op op);
/* The float parts of divmod(), round() and int() (py_float.c):
 * divmod gives NotImplemented when neither operand is a float. */
py_val py_float_divmod_values(py_val a, py_val b);
py_val py_float_round_value(py_val x, py_val ndigits);
py_val py_float_to_int_value(py_val v);

/* ---- strs ------------------------------------------------------------------------- */

/* A str being built: append, then finish (which gives the str, or NULL
 * with MemoryError when memory for it could not be had). */
typedef struct py_str_builder {
    py_str *str;
    size_t size, capacity;
    bool ascii;
} py_str_builder;

void py_sb_init(py_str_builder *sb, size_t capacity);
void py_sb_bytes(py_str_builder *sb, const char *bytes, size_t size);
void py_sb_cstr(py_str_builder *sb, const char *s);
void py_sb_str(py_str_builder *sb, const py_str *s);
void py_sb_code_point(py_str_builder *sb, uint32_t cp);
/* Append repr(v); false with the exception set. */
bool py_sb_repr(py_str_builder *sb, py_val v);
py_str *py_sb_finish(py_str_builder *sb);

/* s[start:stop] by code point (0 <= start <= stop <= length). */
py_str *py_str_substring(const py_str *s, int64_t start, int64_t stop);
/* The first index of sub in s[start:end] by code point, or -1. */
int64_t py_str_find_in(const py_str *s, const py_str *sub, int64_t start, int64_t end);
/* The % operator: format % args. */
py_val py_str_percent(py_val format, py_val args);
extern const py_method_def py_str_methods[];

/* A str whose bytes are known to be ASCII-only or not. */
py_str *py_str_new_known(const char *data, size_t size, bool ascii);
/* Equality of two strs' text. */
static inline bool py_str_equal_text(const py_str *a, const py_str *b)
{
    return a == b || (a->size == b->size && (a->hash == -1 || b->hash == -1 || a->hash == b->hash) &&
                      __builtin_memcmp(a->data, b->data, (size_t)a->size) == 0);
}
/* The byte offset of code point `index` (0 <= index <= length). */
size_t py_str_offset(const py_str *s, int64_t index);

/* ---- indices and slices (py_seq.c) -------------------------------------------- */

/* A sequence index: an int or bool (anything else: false, no exception);
 * an int too large for int64 is an IndexError "cannot fit 'int' into an
 * index-sized integer" (-1 returned). 1 on success. */
int py_seq_index(py_val key, int64_t *out);
/* py_seq_index for an item of a sequence of `length`: a negative index
 * counts from the end, and one out of range is an IndexError `message`
 * (-1).  1 with the item's position in *out, 0 if key is no index. */
int py_seq_item_index(py_val key, int64_t length, const char *message, int64_t *out);
/* The positions a slice selects in a sequence of `length`: start, step,
 * and how many; false with the exception set. */
bool py_slice_positions(const py_slice *slice, int64_t length, int64_t *start, int64_t *step,
                        int64_t *count);
/* The same for a slice's three values (start:stop:step of slice objects). */
bool py_slice_unpack(const py_slice *slice, int64_t *start, int64_t *stop, int64_t *step);
int64_t py_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step);

/* The count of `sequence * count`: an int, at least 0; false with
 * CPython's TypeError or OverflowError otherwise. */
bool py_repeat_count(py_val count, int64_t *n);
/* The start and stop arguments of index() (args[1], args[2] when given),
 * negative ones from the end, clamped at 0. */
bool py_seq_index_range(py_val *args, size_t nargs, int64_t length, int64_t *start, int64_t *stop);
/* Lexicographic comparison of two sequences, re-reading their lengths and
 * items after each step (comparing items may change a list). */
py_val py_seq_compare(const int64_t *a_length, py_val *const *a_items, const int64_t *b_length,
                      py_val *const *b_items, py_compare_op op);
/* `item in sequence` by identity or ==. */
int py_seq_contains(py_val *const *items, const int64_t *length, py_val item);

/* The items of any iterable as an array (the items of a list or tuple
 * themselves, so valid until it changes); NULL with the exception set.
 * An empty one is py_no_items, never NULL. */
py_val *py_seq_items(py_val iterable, int64_t *count);
extern py_val py_no_items[1];

/* ---- memory (py_memory.c) ----------------------------------------------------------- */

/* The most bytes one object may take: what the machine has (more is a
 * MemoryError, not an attempt that ends the process). */
uint64_t py_alloc_limit(void);
/* Storage for an object (mt_alloc, mt_alloc_atomic, mt_realloc): NULL with
 * MemoryError when it is over py_alloc_limit or cannot be had. */
void *py_alloc_storage(size_t size);
void *py_alloc_atomic_storage(size_t size);
void *py_realloc_storage(void *block, size_t size);

/* ---- containers that hold themselves ----------------------------------------------- */

/* repr() of a container calls repr_enter first: 1 when the container is
 * already being shown (it prints "[...]"), 0 to go on (then repr_leave),
 * -1 on a RecursionError. */
int py_repr_enter(py_val container);
void py_repr_leave(py_val container);
/* The repr of a list or tuple `container`: its items between `open` and
 * `close` ("[1, 2]"), `close_one` after a single item ("(1,)"), and "..."
 * between them when it is already being shown.  It re-reads the length
 * and items after each item (an item's repr may change a list). */
py_val py_seq_repr(py_val container, const int64_t *length, py_val *const *items, const char *open,
                   const char *close, const char *close_one);

/* ---- dicts (py_dict.c) ------------------------------------------------------------------ */

/* The hash of a key with fast paths for ints and strs; -1 on error. */
int64_t py_key_hash(py_val key);
/* Key equality as dicts and sets test it: identity, then ==. */
int py_key_equal(py_val stored, py_val key);
/* A dict as a key view / value view / item view's and iterators' source. */
py_val py_dict_view_new(py_dict *dict, int kind);
enum { PY_DICT_KEYS, PY_DICT_VALUES, PY_DICT_ITEMS };
py_val py_dict_iter_new(py_dict *dict, int kind, bool reversed);

/* ---- what one type's file offers the others ------------------------------------------------ */

int64_t py_hash_bytes(const char *data, size_t size);
py_bytes *py_bytes_new(const char *data, size_t size); /* data NULL: zeros */
py_val py_bytes_decode(py_val bytes, py_val encoding, py_val errors);
py_val py_str_encode(const py_str *s, py_val encoding, py_val errors);
py_val py_str_format_method(py_val self, py_val *args, size_t nargs, py_tuple *kwnames);
py_val py_str_format_map_method(py_val self, py_val *args, size_t nargs, py_tuple *kwnames);
py_val py_list_reversed(py_list *list);
py_val py_range_reversed(py_val range);
py_val py_dict_reversed(py_val dict_or_view);
bool py_is_dict_view(py_val v);
extern const py_method_def py_dict_fromkeys_def, py_str_maketrans_def, py_int_from_bytes_def;
/* dir() of a type (py_dir_names.c, generated): NULL-terminated, sorted;
 * empty for a type it does not list. */
const char *const *py_type_special_names(const py_type *type);

/* ---- methods --------------------------------------------------------------------------- */

/* The dict of a type's attributes, built from its methods on first use. */
py_dict *py_type_dict(const py_type *type);
/* Add a class or static method (a builtin bound to the type or to NULL). */
void py_type_add_builtin(py_type *type, const py_method_def *def, bool bind_to_type);

#endif
