package io.berth.edge;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** How one Query-protocol operation reads its form parameters and writes its {@code <Result>} XML. */
public interface QueryCodec<Q, R> {

    Q decode(QueryParameters parameters);

    /** Writes the children of {@code <OperationResult>}. */
    void encodeResult(R response, XMLStreamWriter xml) throws XMLStreamException;
}
