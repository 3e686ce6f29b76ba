// @nagare/optimizers — the public surface. Everything not listed here is internal.
export {};
