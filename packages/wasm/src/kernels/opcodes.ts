// Operation codes shared by the JavaScript glue and the AssemblyScript kernels (assembly/ imports
// this file too), so both sides agree on one number per operation. Plain constants only: this file
// must compile as TypeScript and as AssemblyScript.

export const UNARY_NEG = 0;
export const UNARY_ABS = 1;
export const UNARY_SIGN = 2;
export const UNARY_SQUARE = 3;
export const UNARY_RELU = 4;
export const UNARY_STEP = 5;
export const UNARY_FLOOR = 6;
export const UNARY_CEIL = 7;
export const UNARY_ROUND = 8;
export const UNARY_EXP = 9;
export const UNARY_EXPM1 = 10;
export const UNARY_LOG = 11;
export const UNARY_LOG1P = 12;
export const UNARY_SQRT = 13;
export const UNARY_RSQRT = 14;
export const UNARY_RECIPROCAL = 15;
export const UNARY_SIN = 16;
export const UNARY_COS = 17;
export const UNARY_TANH = 18;
export const UNARY_SIGMOID = 19;
export const UNARY_SOFTPLUS = 20;
export const UNARY_ERF = 21;
export const UNARY_LOGICAL_NOT = 22;
export const UNARY_IS_NAN = 23;

export const BINARY_ADD = 0;
export const BINARY_SUB = 1;
export const BINARY_MUL = 2;
export const BINARY_DIV = 3;
export const BINARY_POW = 4;
export const BINARY_MAXIMUM = 5;
export const BINARY_MINIMUM = 6;
export const BINARY_EQ = 7;
export const BINARY_NE = 8;
export const BINARY_LT = 9;
export const BINARY_LE = 10;
export const BINARY_GT = 11;
export const BINARY_GE = 12;
export const BINARY_LOGICAL_AND = 13;
export const BINARY_LOGICAL_OR = 14;

/** How the two operands of a contiguous binary run are read. */
export const RUN_VECTOR_VECTOR = 0;
export const RUN_VECTOR_SCALAR = 1;
export const RUN_SCALAR_VECTOR = 2;
export const RUN_SCALAR_SCALAR = 3;

export const REDUCE_SUM = 0;
export const REDUCE_PROD = 1;
export const REDUCE_MAX = 2;
export const REDUCE_MIN = 3;

/** Element types as the kernels number them. */
export const DTYPE_FLOAT32 = 0;
export const DTYPE_FLOAT64 = 1;
export const DTYPE_INT32 = 2;
export const DTYPE_BOOL = 3;
