package org.explainers.jbake;

import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only {@link DocumentList} (JBake's list type is a {@link java.util.LinkedList}) with
 * constant-time {@link #get(int)} and {@link #indexOf(Object)}: JBake's DocumentsRenderer looks
 * every page up in the list of its type to find its neighbours, which is linear per page on
 * a linked list and made the whole bake quadratic.
 *
 * <p>{@code indexOf} keeps {@link java.util.List#indexOf}'s meaning (the first element that
 * {@code equals} the argument): it looks the document up by its source URI, unique in a store,
 * checks equality, and only if that fails scans the list as LinkedList would.
 */
final class IndexedDocumentList extends DocumentList<DocumentModel> {

    private final List<DocumentModel> array;
    private final Map<String, Integer> bySource = new HashMap<>();
    private final boolean sealed;

    IndexedDocumentList(List<DocumentModel> docs) {
        super.addAll(docs);
        this.array = new ArrayList<>(docs);
        for (int i = array.size() - 1; i >= 0; i--) {
            bySource.put(array.get(i).getSourceuri(), i);
        }
        this.sealed = true;
    }

    @Override
    public DocumentModel get(int index) {
        return array.get(index);
    }

    @Override
    public int indexOf(Object o) {
        if (o instanceof DocumentModel d) {
            Integer i = bySource.get(d.getSourceuri());
            if (i != null && (array.get(i) == o || array.get(i).equals(o))) {
                return i;
            }
        }
        return array.indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    // --- Read-only: the store hands the same list to every caller ---------------------------

    private void readOnly() {
        if (sealed) {
            throw new UnsupportedOperationException("a content store query result is read-only");
        }
    }

    @Override
    public boolean add(DocumentModel e) {
        readOnly();
        return super.add(e);
    }

    @Override
    public void add(int index, DocumentModel element) {
        readOnly();
        super.add(index, element);
    }

    @Override
    public boolean addAll(Collection<? extends DocumentModel> c) {
        readOnly();
        return super.addAll(c);
    }

    @Override
    public boolean addAll(int index, Collection<? extends DocumentModel> c) {
        readOnly();
        return super.addAll(index, c);
    }

    @Override
    public void addFirst(DocumentModel e) {
        readOnly();
        super.addFirst(e);
    }

    @Override
    public void addLast(DocumentModel e) {
        readOnly();
        super.addLast(e);
    }

    @Override
    public DocumentModel set(int index, DocumentModel element) {
        readOnly();
        return super.set(index, element);
    }

    @Override
    public DocumentModel remove(int index) {
        readOnly();
        return super.remove(index);
    }

    @Override
    public boolean remove(Object o) {
        readOnly();
        return super.remove(o);
    }

    @Override
    public DocumentModel remove() {
        readOnly();
        return super.remove();
    }

    @Override
    public DocumentModel removeFirst() {
        readOnly();
        return super.removeFirst();
    }

    @Override
    public DocumentModel removeLast() {
        readOnly();
        return super.removeLast();
    }

    @Override
    public DocumentModel poll() {
        readOnly();
        return super.poll();
    }

    @Override
    public DocumentModel pollFirst() {
        readOnly();
        return super.pollFirst();
    }

    @Override
    public DocumentModel pollLast() {
        readOnly();
        return super.pollLast();
    }

    @Override
    public DocumentModel pop() {
        readOnly();
        return super.pop();
    }

    @Override
    public void push(DocumentModel e) {
        readOnly();
        super.push(e);
    }

    @Override
    public boolean offer(DocumentModel e) {
        readOnly();
        return super.offer(e);
    }

    @Override
    public void clear() {
        readOnly();
        super.clear();
    }
}
