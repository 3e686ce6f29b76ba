/*!
 * @nagare/io embeds a subset of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto):
 * message, field and enum names and field numbers, rewritten as a protobufjs JSON descriptor.
 * onnx.proto is Copyright (c) ONNX Project Contributors, licensed under the Apache License 2.0
 * (SPDX-License-Identifier: Apache-2.0); see NOTICE and LICENSE-ONNX in the package.
 */
// The subset of onnx.proto that nagare reads and writes. The "/*!" comment above is a legal comment:
// bundlers keep it in every build, so the attribution travels with the code.
//
// onnx.proto uses proto2 syntax: repeated numeric fields are unpacked unless marked
// `[packed = true]`, which only TensorProto's data fields are. Decoders accept both encodings.
// Fields nagare does not use (sparse tensors, training info, functions, quantization annotations)
// are left out: protobufjs skips unknown fields while decoding, so models that have them still load.

const repeated = (type: string, id: number, packed?: boolean) => ({
  rule: 'repeated',
  type,
  id,
  ...(packed === undefined ? {} : { options: { packed } }),
});
const field = (type: string, id: number) => ({ type, id });

const stringStringEntry = { fields: { key: field('string', 1), value: field('string', 2) } };

/** onnx.proto's messages (subset), in protobufjs JSON descriptor form. */
export const ONNX_SCHEMA = {
  nested: {
    onnx: {
      nested: {
        AttributeProto: {
          fields: {
            name: field('string', 1),
            ref_attr_name: field('string', 21),
            doc_string: field('string', 13),
            type: field('AttributeType', 20),
            f: field('float', 2),
            i: field('int64', 3),
            s: field('bytes', 4),
            t: field('TensorProto', 5),
            g: field('GraphProto', 6),
            tp: field('TypeProto', 14),
            floats: repeated('float', 7, false),
            ints: repeated('int64', 8, false),
            strings: repeated('bytes', 9),
            tensors: repeated('TensorProto', 10),
            graphs: repeated('GraphProto', 11),
            type_protos: repeated('TypeProto', 15),
          },
          nested: {
            AttributeType: {
              values: {
                UNDEFINED: 0,
                FLOAT: 1,
                INT: 2,
                STRING: 3,
                TENSOR: 4,
                GRAPH: 5,
                SPARSE_TENSOR: 11,
                TYPE_PROTO: 13,
                FLOATS: 6,
                INTS: 7,
                STRINGS: 8,
                TENSORS: 9,
                GRAPHS: 10,
                SPARSE_TENSORS: 12,
                TYPE_PROTOS: 14,
              },
            },
          },
        },
        ValueInfoProto: {
          fields: {
            name: field('string', 1),
            type: field('TypeProto', 2),
            doc_string: field('string', 3),
            metadata_props: repeated('StringStringEntryProto', 4),
          },
        },
        NodeProto: {
          fields: {
            input: repeated('string', 1),
            output: repeated('string', 2),
            name: field('string', 3),
            op_type: field('string', 4),
            domain: field('string', 7),
            overload: field('string', 8),
            attribute: repeated('AttributeProto', 5),
            doc_string: field('string', 6),
            metadata_props: repeated('StringStringEntryProto', 9),
          },
        },
        ModelProto: {
          fields: {
            ir_version: field('int64', 1),
            opset_import: repeated('OperatorSetIdProto', 8),
            producer_name: field('string', 2),
            producer_version: field('string', 3),
            domain: field('string', 4),
            model_version: field('int64', 5),
            doc_string: field('string', 6),
            graph: field('GraphProto', 7),
            metadata_props: repeated('StringStringEntryProto', 14),
          },
        },
        StringStringEntryProto: stringStringEntry,
        GraphProto: {
          fields: {
            node: repeated('NodeProto', 1),
            name: field('string', 2),
            initializer: repeated('TensorProto', 5),
            doc_string: field('string', 10),
            input: repeated('ValueInfoProto', 11),
            output: repeated('ValueInfoProto', 12),
            value_info: repeated('ValueInfoProto', 13),
            metadata_props: repeated('StringStringEntryProto', 16),
          },
        },
        TensorProto: {
          fields: {
            dims: repeated('int64', 1, false),
            data_type: field('int32', 2),
            segment: field('Segment', 3),
            float_data: repeated('float', 4, true),
            int32_data: repeated('int32', 5, true),
            string_data: repeated('bytes', 6),
            int64_data: repeated('int64', 7, true),
            name: field('string', 8),
            doc_string: field('string', 12),
            raw_data: field('bytes', 9),
            external_data: repeated('StringStringEntryProto', 13),
            data_location: field('DataLocation', 14),
            double_data: repeated('double', 10, true),
            uint64_data: repeated('uint64', 11, true),
            metadata_props: repeated('StringStringEntryProto', 16),
          },
          nested: {
            Segment: { fields: { begin: field('int64', 1), end: field('int64', 2) } },
            DataLocation: { values: { DEFAULT: 0, EXTERNAL: 1 } },
          },
        },
        TensorShapeProto: {
          fields: { dim: repeated('Dimension', 1) },
          nested: {
            Dimension: {
              oneofs: { value: { oneof: ['dim_value', 'dim_param'] } },
              fields: {
                dim_value: field('int64', 1),
                dim_param: field('string', 2),
                denotation: field('string', 3),
              },
            },
          },
        },
        TypeProto: {
          oneofs: {
            value: {
              oneof: ['tensor_type', 'sequence_type', 'map_type', 'optional_type', 'sparse_tensor_type'],
            },
          },
          fields: {
            tensor_type: field('Tensor', 1),
            sequence_type: field('Sequence', 4),
            map_type: field('Map', 5),
            optional_type: field('Optional', 9),
            sparse_tensor_type: field('SparseTensor', 8),
            denotation: field('string', 6),
          },
          nested: {
            Tensor: { fields: { elem_type: field('int32', 1), shape: field('TensorShapeProto', 2) } },
            Sequence: { fields: { elem_type: field('TypeProto', 1) } },
            Map: { fields: { key_type: field('int32', 1), value_type: field('TypeProto', 2) } },
            Optional: { fields: { elem_type: field('TypeProto', 1) } },
            SparseTensor: { fields: { elem_type: field('int32', 1), shape: field('TensorShapeProto', 2) } },
          },
        },
        OperatorSetIdProto: { fields: { domain: field('string', 1), version: field('int64', 2) } },
      },
    },
  },
};
