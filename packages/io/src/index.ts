// @nagare/io — the public surface. Everything not listed here is internal.
export { OnnxExportError } from './errors/onnx-export-error';
export type { OnnxNodeRef } from './errors/onnx-format-error';
export { OnnxFormatError } from './errors/onnx-format-error';
export { PyTorchExportError } from './errors/pytorch-export-error';
export { SafetensorsError, type SafetensorsProblem } from './errors/safetensors-error';
export { UnsupportedOnnxError } from './errors/unsupported-onnx-error';
export {
  type ExportableModel,
  type ExportOnnxOptions,
  exportOnnx,
  exportOnnxModel,
} from './onnx/export/export-onnx';
export type { OnnxFeeds } from './onnx/import/feeds';
export { ImportedOnnx, type ImportOnnxOptions, importOnnx } from './onnx/import/import-onnx';
export type { OnnxOpContext, OnnxOpHandler, OnnxOpTable } from './onnx/import/op-context';
export {
  nagareDTypeForOnnx,
  onnxTensorToTensor,
  type TensorToOnnxOptions,
  tensorToOnnxTensor,
} from './onnx/onnx-tensor';
export type {
  OnnxAttribute,
  OnnxDataTypeCode,
  OnnxDim,
  OnnxGraph,
  OnnxModel,
  OnnxNode,
  OnnxOpsetImport,
  OnnxTensor,
  OnnxTensorValues,
  OnnxValueInfo,
} from './onnx/onnx-types';
export { OnnxDataType, onnxDataTypeName } from './onnx/onnx-types';
export { type OnnxReadOptions, readOnnxModel, readTensorProto } from './onnx/read-onnx';
export { writeOnnxModel, writeTensorProto } from './onnx/write-onnx';
export { type ExportPyTorchOptions, exportPyTorch } from './pytorch/export-pytorch';
export { KNOWN_SAFETENSORS_DTYPES, type SafetensorsDType } from './safetensors/dtypes';
export {
  downloadSafetensors,
  loadSafetensors,
  type SafetensorsSink,
  saveSafetensors,
} from './safetensors/files';
export { MAX_HEADER_ENTRIES } from './safetensors/header';
export { type ParseSafetensorsOptions, parseSafetensors, type SafetensorsContent } from './safetensors/parse';
export {
  type SaveSafetensorsOptions,
  serializeSafetensors,
  serializeSafetensorsAsync,
  type TensorDict,
} from './safetensors/serialize';
