# %%
# Train the CNN (and, with CONTRAST, logistic regression on the same mini-batches).
models = {'cnn': make_tiny_cnn(FILTERS1, FILTERS2, SEED)}
if CONTRAST:
    models['logistic'] = PixelLogisticRegression()
for name, model in models.items():
    print(f'{name}: {sum(p.numel() for p in model.parameters()):,} parameters')
losses, curve = train_digits(models)


# %%
# The widget's charts: accuracy over the epochs (solid: test digits, dashed: training digits),
# and the confusion matrix of the CNN on the test digits.
cnn = models['cnn']
fig, (ax_acc, ax_conf) = plt.subplots(1, 2, figsize=(11, 4.2))
series = [('cnn', 'CNN', '#0072B2')] + ([('logistic', 'logistic regression', '#E69F00')] if CONTRAST else [])
for key, label, colour in series:
    epochs = [row['epoch'] for row in curve]
    ax_acc.plot(epochs, [row[key + ' test'] for row in curve], '-o', color=colour, markersize=3,
                label=f'{label}, test')
    ax_acc.plot(epochs, [row[key + ' train'] for row in curve], '--o', color=colour, markersize=3,
                label=f'{label}, training')
ax_acc.set(ylim=(0, 1), xlabel='epoch', ylabel='accuracy', title='Accuracy')
ax_acc.legend(fontsize=8)
test_accuracy, test_predicted = accuracy(cnn, x_test, y_test)
counts = confusion_matrix(y_test, test_predicted)
ax_conf.imshow(counts, cmap='Blues')
for t in range(10):
    for p in range(10):
        if counts[t, p]:
            ax_conf.text(p, t, counts[t, p], ha='center', va='center', fontsize=7,
                         color='white' if counts[t, p] > counts.max() / 2 else 'black')
ax_conf.set(xticks=range(10), yticks=range(10), xlabel='predicted', ylabel='true',
            title=f'CNN on the test digits ({test_accuracy:.1%} right)')
plt.show()


# %%
# What the CNN learned: its first-layer 3×3 filters (blue negative, red positive), and the
# feature maps of the sample test digit DIGIT (the first test digit of that class) after each
# convolution, with the class probabilities.
filters = cnn.conv1.weight.detach()[:, 0].numpy()  # [filters1, 3, 3]
limit = np.abs(filters).max()
fig, axes = plt.subplots(1, FILTERS1, figsize=(1.1 * FILTERS1, 1.4))
for k, ax in enumerate(axes):
    ax.imshow(filters[k], cmap='RdBu_r', vmin=-limit, vmax=limit)
    ax.set_title(str(k + 1), fontsize=8)
    ax.axis('off')
fig.suptitle('First-layer filters', fontsize=10)
plt.show()

sample = int(np.where(test_labels == DIGIT)[0][0])
with torch.no_grad():
    maps1, maps2 = cnn.features(x_test[sample:sample + 1])
    cnn_probabilities = F.softmax(cnn(x_test[sample:sample + 1]), dim=1)[0].numpy()
    logistic_probabilities = (F.softmax(models['logistic'](x_test[sample:sample + 1]), dim=1)[0].numpy()
                              if CONTRAST else None)
for title, maps in [(f'After convolution 1 ({FILTERS1} maps, 28 × 28)', maps1[0]),
                    (f'After convolution 2 ({FILTERS2} maps, 14 × 14)', maps2[0])]:
    per_row = 8
    rows = math.ceil(len(maps) / per_row)
    fig, axes = plt.subplots(rows, per_row, figsize=(1.2 * per_row, 1.25 * rows + 0.3), squeeze=False)
    for k, ax in enumerate(axes.flat):
        ax.axis('off')
        if k < len(maps):
            ax.imshow(maps[k].numpy(), cmap='gray_r')
    fig.suptitle(title, fontsize=10)
    plt.show()
plt.figure(figsize=(2.8, 2.8))
plt.imshow(test_images[sample], cmap='gray_r')
plt.axis('off')
plt.title(f'Sample digit {DIGIT}: the CNN says {cnn_probabilities.argmax()}', fontsize=9)
plt.show()


# %%
# The widget's tables.
show_table('CNN accuracy', ['epoch', 'training digits', 'test digits'],
           [[f"{row['epoch']:g}", row['cnn train'], row['cnn test']] for row in curve])
if CONTRAST:
    show_table('Logistic regression accuracy', ['epoch', 'training digits', 'test digits'],
               [[f"{row['epoch']:g}", row['logistic train'], row['logistic test']] for row in curve])
show_table('Confusion matrix of the CNN on the test digits (rows: true class, columns: predicted)',
           ['true'] + [str(p) for p in range(10)], [[t] + counts[t].tolist() for t in range(10)])
biases = cnn.conv1.bias.detach().numpy()
show_table('First-layer filters', ['filter'] + [f'w{r}{c}' for r in (1, 2, 3) for c in (1, 2, 3)] + ['bias'],
           [[k + 1] + [float(v) for v in filters[k].ravel()] + [float(biases[k])] for k in range(FILTERS1)])
rows = []
for c in range(10):
    rows.append([c, float(cnn_probabilities[c]), float(logistic_probabilities[c]) if CONTRAST else None])
show_table(f'Class probabilities for the sample digit {DIGIT}', ['class', 'CNN', 'logistic regression'], rows)
