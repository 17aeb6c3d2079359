/* py.h — mtpy's objects: how a Python value is represented, what a type
 * provides, and the conventions every runtime function follows.  See
 * docs/python.md for the design.
 *
 * Values.  A py_val is one machine word: either a *small int* tagged in
 * the low bit (value << 1 | 1, 63 bits with the sign) or a pointer to an
 * object, which starts with its type.  Ints outside the small range are
 * py_long objects (GMP).  Everything is allocated from the collector.
 *
 * Errors.  A function that can fail returns NULL (a py_val or pointer
 * result) or -1 (an int result) with the exception set (py_err_set...);
 * the evaluator raises it.  A function that returns NULL without failing
 * says so in its comment (iteration: NULL without an exception is the end).
 */
#ifndef PY_H
#define PY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mt.h"

typedef struct py_type py_type;
typedef struct py_obj {
    const py_type *type;
} py_obj;
typedef py_obj *py_val;

/* ---- small ints ------------------------------------------------------------ */

#define PY_SMALL_MAX ((INT64_C(1) << 62) - 1)
#define PY_SMALL_MIN (-(INT64_C(1) << 62))
static inline bool py_is_small(const void *v) { return ((uintptr_t)v & 1) != 0; }
static inline int64_t py_small_value(const void *v) { return (int64_t)(intptr_t)v >> 1; }
static inline bool py_fits_small(int64_t n) { return n >= PY_SMALL_MIN && n <= PY_SMALL_MAX; }
/* n must fit (py_fits_small); py_int_from_i64 takes any int64. */
static inline py_val py_small(int64_t n) { return (py_val)(intptr_t)(int64_t)(((uint64_t)n << 1) | 1); }

/* ---- types ---------------------------------------------------------------- */

typedef struct py_str py_str;
typedef struct py_tuple py_tuple;
typedef struct py_dict py_dict;

/* Comparison operators, in the order of the compiler's COMPARE ops. */
typedef enum { PY_LT, PY_LE, PY_EQ, PY_NE, PY_GT, PY_GE } py_compare_op;

/* Binary operators, in the order of the compiler's BINARY ops; the
 * in-place ones follow at PY_INPLACE + op. */
#define PY_BINARY_OPS(X)                                                              \
    X(ADD, "+", "__add__") X(SUB, "-", "__sub__") X(MUL, "*", "__mul__")              \
    X(TRUEDIV, "/", "__truediv__") X(FLOORDIV, "//", "__floordiv__")                  \
    X(MOD, "%", "__mod__") X(POW, "**", "__pow__") X(LSHIFT, "<<", "__lshift__")       \
    X(RSHIFT, ">>", "__rshift__") X(AND, "&", "__and__") X(OR, "|", "__or__")          \
    X(XOR, "^", "__xor__") X(MATMUL, "@", "__matmul__")
typedef enum {
#define PY_BINOP_ENUM(name, symbol, dunder) PY_OP_##name,
    PY_BINARY_OPS(PY_BINOP_ENUM)
#undef PY_BINOP_ENUM
    PY_BINARY_COUNT
} py_binary_op;

/* A builtin function or method: receives the positional arguments and,
 * after them, the values of keyword arguments named by kwnames (NULL when
 * there are none).  `self` is the bound object for a method, else NULL. */
typedef py_val (*py_cfunc)(py_val self, py_val *args, size_t nargs, py_tuple *kwnames);

typedef struct py_method_def {
    const char *name;
    py_cfunc fn;
} py_method_def;

/* What a type can do; NULL: it cannot (the generic operation raises the
 * TypeError CPython raises).  Binary slots may return py_not_implemented
 * to let the other operand try. */
struct py_type {
    py_obj head;
    const char *name;
    const py_type *base;        /* NULL for object */
    uint32_t flags;             /* PY_TYPE_* */
    py_val (*repr)(py_val self);
    py_val (*str)(py_val self); /* NULL: repr */
    int64_t (*hash)(py_val self); /* -1 on error; NULL: unhashable */
    py_val (*compare)(py_val a, py_val b, py_compare_op op);
    int (*truth)(py_val self);  /* NULL: true, or len != 0 */
    int64_t (*len)(py_val self);
    py_val (*iter)(py_val self);
    py_val (*next)(py_val self); /* NULL without an exception: exhausted */
    py_val (*getitem)(py_val self, py_val key);
    int (*setitem)(py_val self, py_val key, py_val value); /* value NULL: delete */
    int (*contains)(py_val self, py_val item);
    py_val (*call)(py_val self, py_val *args, size_t nargs, py_tuple *kwnames);
    py_val (*binary[PY_BINARY_COUNT])(py_val a, py_val b);
    py_val (*inplace[PY_BINARY_COUNT])(py_val a, py_val b); /* NULL: the binary one */
    py_val (*neg)(py_val self), (*pos)(py_val self), (*invert)(py_val self), (*abs)(py_val self);
    py_val (*getattr)(py_val self, py_str *name); /* NULL: the methods only */
    py_val (*new)(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames);
    const py_method_def *methods; /* {NULL, NULL}-terminated */
    py_dict *dict;                /* attributes, methods included (built lazily) */
};

enum {
    PY_TYPE_EXCEPTION = 1 << 0, /* BaseException or a subclass */
    PY_TYPE_BASETYPE = 1 << 1,  /* may be subclassed */
};

extern py_type py_type_type, py_object_type, py_none_type, py_bool_type, py_int_type,
    py_float_type, py_str_type, py_bytes_type, py_tuple_type, py_list_type, py_dict_type,
    py_set_type, py_frozenset_type, py_range_type, py_slice_type, py_function_type,
    py_builtin_type, py_method_type, py_code_type, py_frame_type, py_cell_type,
    py_module_type, py_notimplemented_type, py_ellipsis_type;

static inline const py_type *py_type_of(const void *v)
{
    return py_is_small(v) ? &py_int_type : ((const py_obj *)v)->type;
}
/* isinstance on a type: t is `type` or a subclass of it. */
bool py_type_is_subtype(const py_type *t, const py_type *type);
static inline bool py_isinstance(const void *v, const py_type *type)
{
    return py_type_of(v) == type || py_type_is_subtype(py_type_of(v), type);
}

/* ---- singletons and common objects ---------------------------------------------- */

extern py_obj py_none_obj, py_true_obj, py_false_obj, py_notimplemented_obj, py_ellipsis_obj;
#define py_none (&py_none_obj)
#define py_true (&py_true_obj)
#define py_false (&py_false_obj)
#define py_not_implemented (&py_notimplemented_obj)
#define py_ellipsis (&py_ellipsis_obj)
static inline py_val py_bool(bool b) { return b ? py_true : py_false; }

/* Strings: UTF-8 (lone surrogates as their 3-byte sequences, see
 * py_unicode.h), NUL-terminated; `length` counts code points. */
struct py_str {
    py_obj head;
    int64_t length, size;
    int64_t hash; /* -1: not computed yet */
    bool ascii;
    char data[];
};
/* New strs; py_str_intern gives the one str of that text. */
py_str *py_str_new(const char *data, size_t size);
py_str *py_str_from_cstr(const char *s);
py_str *py_str_intern(const char *s);
py_str *py_str_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct py_tuple {
    py_obj head;
    int64_t length;
    int64_t hash; /* -1: not computed yet */
    py_val items[];
};
py_tuple *py_tuple_new(size_t length); /* items to fill in */
py_tuple *py_tuple_from(const py_val *items, size_t length);
extern py_tuple py_empty_tuple;

typedef struct py_list {
    py_obj head;
    int64_t length, capacity;
    py_val *items;
} py_list;
py_list *py_list_new(size_t length); /* items to fill in */
int py_list_append(py_list *list, py_val item);

/* ---- generic operations (py_object.c): each follows Python's protocol ---- */

py_val py_repr(py_val v);
py_val py_to_str(py_val v);
int64_t py_hash(py_val v); /* -1 on error */
/* a == b as a C truth value; -1 on error. */
int py_equal(py_val a, py_val b);
py_val py_compare(py_val a, py_val b, py_compare_op op);
int py_truth(py_val v);
int64_t py_len(py_val v);
py_val py_iter(py_val v);
/* The next item; NULL with no exception set at the end. */
py_val py_next(py_val iterator);
py_val py_binary(py_val a, py_val b, py_binary_op op);
py_val py_inplace(py_val a, py_val b, py_binary_op op);
py_val py_getitem(py_val v, py_val key);
int py_setitem(py_val v, py_val key, py_val value);
int py_delitem(py_val v, py_val key);
int py_contains(py_val container, py_val item);
py_val py_getattr(py_val v, py_str *name);
py_val py_call(py_val callable, py_val *args, size_t nargs, py_tuple *kwnames);
/* The type name as Python error messages show it. */
const char *py_type_name(const void *v);

/* ---- ints (py_int.c) -------------------------------------------------------- */

py_val py_int_from_i64(int64_t n);
/* The int64 value of an int (small or big) when it fits: false if it does
 * not (no exception). */
bool py_int_as_i64(py_val v, int64_t *out);
/* An index (__index__: ints and bools); -1 with a TypeError otherwise,
 * OverflowError if it does not fit in an int64. */
int py_index(py_val v, int64_t *out);

/* ---- exceptions (py_exc.c) ---------------------------------------------------- */

/* The builtin exception types: X(name, base). */
#define PY_EXCEPTIONS(X) \
    X(BaseException, py_object_type) X(SystemExit, py_exc_BaseException) \
    X(KeyboardInterrupt, py_exc_BaseException) X(GeneratorExit, py_exc_BaseException) \
    X(Exception, py_exc_BaseException) X(StopIteration, py_exc_Exception) \
    X(ArithmeticError, py_exc_Exception) X(FloatingPointError, py_exc_ArithmeticError) \
    X(OverflowError, py_exc_ArithmeticError) X(ZeroDivisionError, py_exc_ArithmeticError) \
    X(AssertionError, py_exc_Exception) X(AttributeError, py_exc_Exception) \
    X(BufferError, py_exc_Exception) X(EOFError, py_exc_Exception) \
    X(ImportError, py_exc_Exception) X(ModuleNotFoundError, py_exc_ImportError) \
    X(LookupError, py_exc_Exception) X(IndexError, py_exc_LookupError) \
    X(KeyError, py_exc_LookupError) X(MemoryError, py_exc_Exception) \
    X(NameError, py_exc_Exception) X(UnboundLocalError, py_exc_NameError) \
    X(OSError, py_exc_Exception) X(FileNotFoundError, py_exc_OSError) \
    X(FileExistsError, py_exc_OSError) X(IsADirectoryError, py_exc_OSError) \
    X(NotADirectoryError, py_exc_OSError) X(PermissionError, py_exc_OSError) \
    X(ReferenceError, py_exc_Exception) X(RuntimeError, py_exc_Exception) \
    X(NotImplementedError, py_exc_RuntimeError) X(RecursionError, py_exc_RuntimeError) \
    X(SyntaxError, py_exc_Exception) X(IndentationError, py_exc_SyntaxError) \
    X(TabError, py_exc_IndentationError) X(SystemError, py_exc_Exception) \
    X(TypeError, py_exc_Exception) X(ValueError, py_exc_Exception) \
    X(UnicodeError, py_exc_ValueError) X(UnicodeDecodeError, py_exc_UnicodeError) \
    X(UnicodeEncodeError, py_exc_UnicodeError) X(Warning, py_exc_Exception)

#define PY_EXC_DECLARE(name, base) extern py_type py_exc_##name;
PY_EXCEPTIONS(PY_EXC_DECLARE)
#undef PY_EXC_DECLARE

typedef struct py_exception {
    py_obj head;
    py_tuple *args;
    py_val traceback;  /* a list of (code, line) entries, innermost last, or NULL */
    py_val cause, context; /* NULL or exceptions */
    bool suppress_context;
    py_val value;      /* StopIteration.value, SystemExit.code */
} py_exception;

/* Set the current exception. */
void py_err_set(py_val exception);
/* A new `type` exception with args (msg,), set as current; returns NULL. */
void *py_err_format(const py_type *type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void *py_err_no_memory(void);
/* The current exception, or NULL; py_err_take also clears it. */
py_val py_err_current(void);
py_val py_err_take(void);
bool py_err_matches(const py_type *type); /* the current one is a `type` */
py_val py_exception_new(const py_type *type, py_val *args, size_t nargs);

#endif
